package io.archforge.strategy.bo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetTransformTest {

    @Test
    void rankScalesToUnitInterval() {
        double[] ranks = TargetTransform.RANK.apply(new double[] {10, 94, 80, 93});

        assertThat(ranks).containsExactly(0, 1, 1.0 / 3, 2.0 / 3);
    }

    @Test
    void tiesShareMeanRank() {
        double[] ranks = TargetTransform.RANK.apply(new double[] {5, 5, 1, 9});

        assertThat(ranks).containsExactly(0.5, 0.5, 0, 1);
    }

    @Test
    void singleValueAndNone() {
        assertThat(TargetTransform.RANK.apply(new double[] {3})).containsExactly(0);
        assertThat(TargetTransform.NONE.apply(new double[] {3, 1})).containsExactly(3, 1);
    }
}
