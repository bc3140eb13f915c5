package io.archforge.benchmarks.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void quartilesInterpolateLinearly() {
        Spread spread = Spread.of(new double[] {4, 1, 3, 2});
        assertThat(spread.mean()).isEqualTo(2.5);
        assertThat(spread.median()).isEqualTo(2.5);
        assertThat(spread.lowerQuartile()).isEqualTo(1.75);
        assertThat(spread.upperQuartile()).isEqualTo(3.25);
        assertThat(spread.iqr()).isEqualTo(1.5);
    }

    @Test
    void singleValueHasNoSpread() {
        Spread spread = Spread.of(new double[] {0.3});
        assertThat(spread.median()).isEqualTo(0.3);
        assertThat(spread.iqr()).isZero();
    }

    @Test
    void rejectsEmptySample() {
        assertThatThrownBy(() -> Spread.of(new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
