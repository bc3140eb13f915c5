package io.archforge.torch.latency;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.latency.LookupTable;
import io.archforge.latency.MacroKernel;
import io.archforge.latency.MacroKernels;
import io.archforge.space.Architecture;
import io.archforge.space.MacroSpace;
import io.archforge.torch.train.LatencyMeter;
import java.util.List;
import org.junit.jupiter.api.Test;

class MacroLatencyProfilerTest {

    private static final Architecture TINY = MacroSpace.create().parse(
            "s1.depth=2,s1.width=8,s1.kernel=3,s1.expansion=1,s1.residual=on,"
                    + "s2.depth=1,s2.width=8,s2.kernel=3,s2.expansion=2,s2.residual=off,"
                    + "s3.depth=1,s3.width=16,s3.kernel=5,s3.expansion=1,s3.residual=off");

    private final MacroLatencyProfiler profiler = new MacroLatencyProfiler(
            MacroKernels.fashionMnist(), new LatencyMeter(3, 30, 1));

    @Test
    void measuredTableIsPositivePerKernel() {
        List<MacroKernel> kernels = profiler.layout().macroKernels(TINY);

        LookupTable table = profiler.measure(kernels);

        // Stage 1 runs one block twice, so six kernels are five distinct ones.
        assertThat(kernels).hasSize(6);
        assertThat(table.kernelMs()).hasSize(5);
        assertThat(table.source()).isEqualTo(LookupTable.Source.MEASURED);
        assertThat(table.kernelMs().values()).allMatch(latency -> latency > 0);
        assertThat(table.latencyMs(profiler.layout(), TINY))
                .isGreaterThan(table.kernelMs().values().stream()
                        .mapToDouble(Double::doubleValue).max().orElseThrow());
    }

    @Test
    void wholeNetworkHasPositiveLatency() {
        assertThat(profiler.networkMs(TINY)).isPositive();
    }
}
