package io.archforge.torch.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import io.archforge.torch.net.ReferenceNetworks;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyMeterTest {
    private static final Shape IMAGE = new Shape(1, 1, 28, 28);

    @Test
    void measuresPositiveMedian() {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            SequentialBlock network = ReferenceNetworks.plainCnn(10);
            network.initialize(manager, DataType.FLOAT32, IMAGE);
            int threadsBefore = DjlRuntime.threads();

            LatencyStats stats = new LatencyMeter(5, 30, 1).measure(network, manager, IMAGE);

            assertThat(stats.samplesMs()).hasSize(30).allMatch(sample -> sample > 0);
            assertThat(stats.medianMs()).isPositive();
            assertThat(stats.p10Ms()).isLessThanOrEqualTo(stats.medianMs());
            assertThat(stats.p90Ms()).isGreaterThanOrEqualTo(stats.medianMs());
            assertThat(stats.threads()).isEqualTo(1);
            assertThat(DjlRuntime.threads()).isEqualTo(threadsBefore);
        }
    }

    @Test
    void statisticsOfKnownSamples() {
        List<Double> samples = List.of(5.0, 1.0, 2.0, 3.0, 4.0, 6.0, 7.0, 8.0, 9.0, 10.0, 100.0);

        LatencyStats stats = LatencyStats.of(samples, 1);

        assertThat(stats.medianMs()).isEqualTo(6.0);
        assertThat(stats.p10Ms()).isCloseTo(2.0, within(1e-12));
        assertThat(stats.p90Ms()).isCloseTo(10.0, within(1e-12));
        // Quartiles 3.5 and 8.5 put the upper fence at 16; only 100 lies beyond.
        assertThat(stats.outliers()).isEqualTo(1);
        assertThat(stats.samplesMs()).isEqualTo(samples);
    }

    @Test
    void tooFewRunsAreRejected() {
        assertThatThrownBy(() -> new LatencyMeter(5, 29, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runs >= 30");
    }
}
