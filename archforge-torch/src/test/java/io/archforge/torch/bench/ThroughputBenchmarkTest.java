package io.archforge.torch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputBenchmarkTest {

    @Test
    void cnnRunReportsItsShape() {
        ThroughputResult result = new ThroughputBenchmark(16, 1, 3, 1).run("cnn");

        assertThat(result.params()).isCloseTo(0.093_962, within(1e-12));
        assertThat(result.steps()).isEqualTo(3);
        assertThat(result.threads()).isEqualTo(1);
        assertThat(result.cpuSeconds()).isPositive()
                .isLessThanOrEqualTo(result.seconds() + 0.01);
        assertThat(result.imagesPerSecond()).isPositive();
        assertThat(result.gflopsPerSecond())
                .isCloseTo(result.imagesPerSecond() * result.flops() * 6e6 / 1e9, within(1e-9));
        assertThat(result.framework()).startsWith("DJL ").contains("PyTorch 2.7.1");
    }

    @Test
    void unknownNetworkIsRejected() {
        assertThatThrownBy(() -> new ThroughputBenchmark(16, 0, 1, 1).run("resnet"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resnet")
                .hasMessageContaining("reference");
    }

    @Test
    void peakFollowsVectorFlags() {
        CpuInfo avx512 = CpuInfo.parse(List.of("model name\t: Test CPU", "cpu MHz\t\t: 2500.0",
                "flags\t\t: fpu sse avx avx2 fma avx512f"));
        CpuInfo avx2 = CpuInfo.parse(List.of("cpu MHz : 3000", "flags : avx avx2 fma"));
        CpuInfo bare = CpuInfo.parse(List.of("flags : sse2"));

        assertThat(avx512.model()).isEqualTo("Test CPU");
        assertThat(avx512.peakGflopsPerCore().getAsDouble()).isEqualTo(160.0);
        assertThat(avx2.peakGflopsPerCore().getAsDouble()).isEqualTo(96.0);
        assertThat(bare.peakGflopsPerCore()).isEmpty();
        assertThat(bare.flopsPerCycle()).isEqualTo(8);
    }
}
