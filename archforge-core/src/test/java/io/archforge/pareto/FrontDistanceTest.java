package io.archforge.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrontDistanceTest {

    private static final List<double[]> FRONT = List.of(new double[] {0, 1},
            new double[] {0.5, 0.5}, new double[] {1, 0});

    @Test
    void frontHasNoDistanceToItself() {
        assertThat(FrontDistance.igd(FRONT, FRONT)).isZero();
        assertThat(FrontDistance.igdPlus(FRONT, FRONT)).isZero();
    }

    @Test
    void igdAveragesNearestDistances() {
        List<double[]> approximation = List.of(new double[] {0.5, 0.5});

        // Distances from (0,1) and (1,0) are sqrt(0.5) each, from (0.5,0.5) zero.
        assertThat(FrontDistance.igd(approximation, FRONT))
                .isCloseTo(2 * Math.sqrt(0.5) / 3, within(1e-12));
    }

    @Test
    void igdPlusIgnoresBetterPoints() {
        List<double[]> better = List.of(new double[] {-1, -1});

        assertThat(FrontDistance.igdPlus(better, FRONT)).isZero();
        assertThat(FrontDistance.igd(better, FRONT)).isPositive();
    }

    @Test
    void emptyApproximationIsInfinitelyFar() {
        assertThat(FrontDistance.igd(List.of(), FRONT)).isInfinite();
    }

    @Test
    void scaleMapsIdealAndNadir() {
        ObjectiveScale scale = ObjectiveScale.spanning(List.of(new double[] {-90, 2},
                new double[] {-70, 10}));

        assertThat(scale.apply(new double[] {-90, 10})).containsExactly(0, 1);
        assertThat(scale.apply(new double[] {-80, 6})).containsExactly(0.5, 0.5);
    }
}
