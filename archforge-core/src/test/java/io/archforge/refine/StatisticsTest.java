package io.archforge.refine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void hypergeometricLowerTailMatchesCounting() {
        Hypergeometric distribution = new Hypergeometric(10);

        // P(X = 0) for 4 draws from 10 items of which 3 are marked: C(7,4) / C(10,4).
        assertThat(distribution.lowerTail(0, 3, 4)).isCloseTo(35.0 / 210, within(1e-12));
        // P(X <= 1) adds 3 * C(7,3) / C(10,4).
        assertThat(distribution.lowerTail(1, 3, 4)).isCloseTo((35.0 + 105) / 210, within(1e-12));
        assertThat(distribution.lowerTail(3, 3, 4)).isEqualTo(1.0);
        assertThat(distribution.lowerTail(0, 3, 0)).isEqualTo(1.0);
    }

    @Test
    void holmAdjustsStepDown() {
        double[] adjusted = Holm.adjust(new double[] {0.04, 0.01, 0.03, 0.5});

        // Sorted 0.01, 0.03, 0.04, 0.5 times 4, 3, 2, 1, made monotone.
        assertThat(adjusted[1]).isCloseTo(0.04, within(1e-12));
        assertThat(adjusted[2]).isCloseTo(0.09, within(1e-12));
        assertThat(adjusted[0]).isCloseTo(0.09, within(1e-12));
        assertThat(adjusted[3]).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void epsilonSquaredOfPerfectGrouping() {
        double[] values = {1, 1, 1, 5, 5, 5};

        assertThat(EpsilonSquared.of(values, List.of(0, 0, 0, 1, 1, 1))).isEqualTo(1.0);
        assertThat(EpsilonSquared.of(values, List.of(0, 1, 0, 1, 0, 1))).isZero();
        assertThat(EpsilonSquared.of(values, List.of(0, 0, 0, 0, 0, 0))).isZero();
    }

    @Test
    void probabilityFormat() {
        assertThat(Decisions.format(1 - 0.95)).isEqualTo("0.05");
        assertThat(Decisions.format(0.123456)).isEqualTo("0.123");
        assertThat(Decisions.format(0.0000123)).isEqualTo("1.23e-05");
        assertThat(Decisions.format(1)).isEqualTo("1");
    }
}
