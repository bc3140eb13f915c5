package io.archforge.predictor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {

    @Test
    void kendallTauOfOrderAndReverse() {
        double[] x = {1, 2, 3, 4, 5};

        assertThat(RankCorrelation.kendallTau(x, new double[] {10, 20, 30, 40, 50})).isEqualTo(1.0);
        assertThat(RankCorrelation.kendallTau(x, new double[] {5, 4, 3, 2, 1})).isEqualTo(-1.0);
    }

    @Test
    void kendallTauCountsOneSwappedPair() {
        double tau = RankCorrelation.kendallTau(new double[] {1, 2, 3, 4},
                new double[] {1, 2, 4, 3});

        // Six pairs, one discordant: (5 - 1) / 6.
        assertThat(tau).isCloseTo(4.0 / 6, within(1e-12));
    }

    @Test
    void kendallTauBCorrectsForTies() {
        double tau = RankCorrelation.kendallTau(new double[] {1, 1, 2}, new double[] {1, 2, 3});

        // Two concordant pairs; 2 pairs untied in x, 3 in y.
        assertThat(tau).isCloseTo(2 / Math.sqrt(6), within(1e-12));
    }

    @Test
    void spearmanOfOneSwap() {
        double rho = RankCorrelation.spearman(new double[] {1, 2, 3, 4},
                new double[] {1, 2, 4, 3});

        // 1 - 6 * sum(d^2) / (n (n^2 - 1)) = 1 - 12 / 60.
        assertThat(rho).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void tiedValuesShareMeanRank() {
        assertThat(RankCorrelation.ranks(new double[] {3, 1, 3, 2}))
                .containsExactly(2.5, 0, 2.5, 1);
    }

    @Test
    void constantVariableGivesZero() {
        double[] constant = {1, 1, 1};
        double[] x = {1, 2, 3};

        assertThat(RankCorrelation.kendallTau(constant, x)).isZero();
        assertThat(RankCorrelation.spearman(constant, x)).isZero();
    }

    @Test
    void topPrecisionCountsSharedTopItems() {
        double[] actual = {10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
        double[] predicted = {10, 1, 9, 8, 7, 6, 5, 4, 3, 2};

        // Top 2 by truth: items 0 and 1; by prediction: items 0 and 2.
        assertThat(RankCorrelation.topPrecision(predicted, actual, 0.2)).isEqualTo(0.5);
        assertThat(RankCorrelation.topPrecision(actual, actual, 0.2)).isEqualTo(1.0);
    }

    @Test
    void unpairedSamplesAreRejected() {
        assertThatThrownBy(() -> RankCorrelation.kendallTau(new double[] {1, 2},
                new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("paired");
        assertThatThrownBy(() -> RankCorrelation.topPrecision(new double[] {1, 2},
                new double[] {1, 2}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fraction");
    }
}
