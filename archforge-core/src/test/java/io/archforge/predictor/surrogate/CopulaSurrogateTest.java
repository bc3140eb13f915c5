package io.archforge.predictor.surrogate;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.predictor.Prediction;
import io.archforge.predictor.RankCorrelation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CopulaSurrogateTest {

    /** Records the targets passed to the wrapped model and predicts a fixed score. */
    private static final class Recording implements Surrogate {
        double[] seen;
        double score;
        double std = 0.1;

        @Override
        public void fit(List<double[]> inputs, double[] targets) {
            seen = targets.clone();
        }

        @Override
        public Prediction predict(double[] input) {
            return new Prediction(score, std);
        }
    }

    @Test
    void innerModelSeesNormalScoresInTargetOrder() {
        Recording inner = new Recording();
        double[] targets = {10, 94, 93, 11, 92};

        new CopulaSurrogate(inner).fit(inputs(5), targets);

        assertThat(RankCorrelation.kendallTau(inner.seen, targets)).isEqualTo(1.0);
        double sum = 0;
        for (double score : inner.seen) {
            sum += score;
        }
        assertThat(sum).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void backMapMonotoneBeyondRange() {
        Recording inner = new Recording();
        CopulaSurrogate copula = new CopulaSurrogate(inner);
        copula.fit(inputs(4), new double[] {1, 2, 4, 8});

        double previous = Double.NEGATIVE_INFINITY;
        for (double z = -4; z <= 4; z += 0.5) {
            inner.score = z;
            double value = copula.predict(new double[] {0}).mean();
            assertThat(value).as("z = %s", z).isGreaterThan(previous);
            previous = value;
        }
        inner.score = 4;
        assertThat(copula.predict(new double[] {0}).mean()).isGreaterThan(8);
        assertThat(copula.predict(new double[] {0}).std()).isPositive();
    }

    @Test
    void valuesAboveEveryTargetKeepProbability() {
        Recording inner = new Recording();
        CopulaSurrogate copula = new CopulaSurrogate(inner);
        copula.fit(inputs(4), new double[] {90, 92, 93, 93.2});
        inner.score = 1.0;
        inner.std = 1.0;

        double above = 1 - copula.cdf(new double[] {0}, 93.7);

        assertThat(above).isGreaterThan(0);
        assertThat(above).isLessThan(1 - copula.cdf(new double[] {0}, 93.3));
    }

    @Test
    void copulaLiftsLongTailRanking() {
        SplittableRandom random = new SplittableRandom(3);
        List<double[]> train = new ArrayList<>();
        List<double[]> test = new ArrayList<>();
        for (int i = 0; i < 260; i++) {
            double[] x = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
            (i < 60 ? train : test).add(x);
        }
        double[] trainTargets = train.stream().mapToDouble(CopulaSurrogateTest::longTail).toArray();
        double[] testTargets = test.stream().mapToDouble(CopulaSurrogateTest::longTail).toArray();
        GaussianProcess plain = new GaussianProcess();
        CopulaSurrogate copula = new CopulaSurrogate(new GaussianProcess());

        plain.fit(train, trainTargets);
        copula.fit(train, trainTargets);

        double plainTau = RankCorrelation.kendallTau(
                test.stream().mapToDouble(x -> plain.predict(x).mean()).toArray(), testTargets);
        double copulaTau = RankCorrelation.kendallTau(
                test.stream().mapToDouble(x -> copula.predict(x).mean()).toArray(), testTargets);
        assertThat(copulaTau).isGreaterThan(plainTau);
    }

    /** A smooth score pushed through a steep exponential, so a few values dominate. */
    private static double longTail(double[] x) {
        return Math.exp(8 * (x[0] + 0.5 * x[1] - 0.3 * x[2]));
    }

    private static List<double[]> inputs(int count) {
        List<double[]> inputs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inputs.add(new double[] {i});
        }
        return inputs;
    }
}
