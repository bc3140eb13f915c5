package io.archforge.strategy.bo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExplorationTest {

    @Test
    void stallRaisesLevel() {
        // Initial design of 2, then 3 values without improvement.
        List<Double> values = List.of(1.0, 2.0, 1.0, 1.5, 0.5);

        Exploration exploration = Exploration.after(values, 2, 3, 2);

        assertThat(exploration.level()).isEqualTo(1);
        assertThat(exploration.event()).isEqualTo(Exploration.RAISED);
    }

    @Test
    void levelStopsAtMaximum() {
        List<Double> values = List.of(5.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0);

        Exploration exploration = Exploration.after(values, 1, 2, 2);

        assertThat(exploration.level()).isEqualTo(2);
        assertThat(exploration.event()).isEmpty();
    }

    @Test
    void improvementLowersLevel() {
        List<Double> values = List.of(5.0, 1.0, 1.0, 6.0);

        Exploration exploration = Exploration.after(values, 1, 2, 3);

        assertThat(exploration.level()).isZero();
        assertThat(exploration.event()).isEqualTo(Exploration.LOWERED);
    }

    @Test
    void initialDesignNeverRaises() {
        List<Double> values = List.of(5.0, 1.0, 1.0, 1.0);

        assertThat(Exploration.after(values, 4, 1, 3).level()).isZero();
        assertThat(Exploration.after(values, 3, 1, 3).level()).isEqualTo(1);
    }
}
