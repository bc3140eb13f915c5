package io.archforge.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DivergenceMonitorTest {

    @Test
    void learningLossPasses() {
        DivergenceMonitor monitor = new DivergenceMonitor();

        for (int batch = 1; batch <= 50; batch++) {
            double loss = 2.3 / batch + (batch % 7 == 0 ? 5 : 0);
            assertThat(monitor.check(loss, 1, batch)).isEqualTo(loss);
        }
    }

    @Test
    void nanLossThrowsAtItsBatch() {
        DivergenceMonitor monitor = new DivergenceMonitor();
        monitor.check(2.3, 1, 1);

        assertThatThrownBy(() -> monitor.check(Double.NaN, 2, 7))
                .isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
                    assertThat(e.epoch()).isEqualTo(2);
                    assertThat(e.batch()).isEqualTo(7);
                })
                .hasMessage("training diverged: loss is NaN at epoch 2, batch 7; lower "
                        + "--learning-rate");
        assertThatThrownBy(() -> new DivergenceMonitor().check(Double.POSITIVE_INFINITY, 1, 1))
                .hasMessageContaining("loss is Infinity at epoch 1, batch 1");
    }

    @Test
    void hundredfoldRiseThrows() {
        DivergenceMonitor monitor = new DivergenceMonitor();
        monitor.check(2.0, 1, 1);
        monitor.check(199.0, 1, 2);

        assertThatThrownBy(() -> monitor.check(201.0, 1, 3))
                .isInstanceOf(TrainingDivergedException.class)
                .hasMessage("training diverged: loss is 201.0 at epoch 1, batch 3, over 100 "
                        + "times the first batch's 2.0; lower --learning-rate");
    }

    @Test
    void smallFirstLossUsesFloorOfOne() {
        DivergenceMonitor monitor = new DivergenceMonitor();
        monitor.check(1e-4, 1, 1);

        assertThat(monitor.check(99.0, 1, 2)).isEqualTo(99.0);
        assertThatThrownBy(() -> monitor.check(101.0, 1, 3))
                .isInstanceOf(TrainingDivergedException.class);
    }

    @Test
    void monitorNamesGivenFix() {
        DivergenceMonitor monitor = new DivergenceMonitor("use a smaller rate gene");

        assertThatThrownBy(() -> monitor.check(Double.NaN, 1, 1))
                .hasMessage("training diverged: loss is NaN at epoch 1, batch 1; use a smaller "
                        + "rate gene");
    }

    @Test
    void otherFixKeepsTheDetail() {
        TrainingDivergedException diverged = new TrainingDivergedException(3, 4, 500.0,
                ", over 100 times the first batch's 2.0", "lower --learning-rate");

        TrainingDivergedException refixed = diverged.withFix("narrow the range");

        assertThat(refixed).hasMessage("training diverged: loss is 500.0 at epoch 3, batch 4, "
                + "over 100 times the first batch's 2.0; narrow the range");
        assertThat(refixed.epoch()).isEqualTo(3);
        assertThat(refixed.batch()).isEqualTo(4);
        assertThat(refixed.loss()).isEqualTo(500.0);
    }
}
