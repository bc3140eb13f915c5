package io.archforge.predictor.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImprovementProbabilityTest {

    @Test
    void oneObjectiveIsProbabilityOfBeatingBest() {
        // P(X < 1) for X ~ N(2, 1) is Phi(-1) = 0.158655...
        double probability = ImprovementProbability.notDominated(
                List.of(new double[] {1}, new double[] {3}), new double[] {2}, new double[] {1});

        assertThat(probability).isCloseTo(0.1586553, within(1e-6));
    }

    @Test
    void emptyFrontIsAlwaysEntered() {
        assertThat(ImprovementProbability.notDominated(List.of(), new double[] {5, 5},
                new double[] {1, 1})).isEqualTo(1.0);
    }

    @Test
    void zeroStdIsCertain() {
        List<double[]> front = List.of(new double[] {1, 3}, new double[] {2, 2});

        assertThat(ImprovementProbability.notDominated(front, new double[] {1.5, 2.5},
                new double[] {0, 0})).isEqualTo(1.0);
        assertThat(ImprovementProbability.notDominated(front, new double[] {2.5, 2.5},
                new double[] {0, 0})).isEqualTo(0.0);
    }

    @Test
    void twoAndThreeObjectivesMatchMonteCarlo() {
        List<double[]> front2 = List.of(new double[] {0, 2}, new double[] {1, 1},
                new double[] {2, 0}, new double[] {1.5, 1.5});
        double[] mean2 = {1.2, 1.1};
        double[] std2 = {0.6, 0.4};
        List<double[]> front3 = List.of(new double[] {0, 1, 2}, new double[] {1, 0, 1},
                new double[] {2, 2, 0});
        double[] mean3 = {1, 1, 1};
        double[] std3 = {0.5, 1, 0.7};

        assertThat(ImprovementProbability.notDominated(front2, mean2, std2))
                .isCloseTo(monteCarlo(front2, mean2, std2), within(0.005));
        assertThat(ImprovementProbability.notDominated(front3, mean3, std3))
                .isCloseTo(monteCarlo(front3, mean3, std3), within(0.005));
    }

    /** Estimates the probability from the share of 200,000 draws no front point dominates. */
    private static double monteCarlo(List<double[]> front, double[] mean, double[] std) {
        SplittableRandom random = new SplittableRandom(1);
        int draws = 200_000;
        int escaped = 0;
        double[] point = new double[mean.length];
        for (int draw = 0; draw < draws; draw++) {
            for (int i = 0; i < point.length; i++) {
                point[i] = mean[i] + std[i] * random.nextGaussian();
            }
            boolean dominated = false;
            for (double[] member : front) {
                boolean all = true;
                for (int i = 0; i < point.length; i++) {
                    all &= member[i] <= point[i];
                }
                dominated |= all;
            }
            escaped += dominated ? 0 : 1;
        }
        return (double) escaped / draws;
    }
}
