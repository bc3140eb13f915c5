package io.archforge.torch.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import io.archforge.hardware.EnergyModel;
import io.archforge.space.CellSpace;
import io.archforge.torch.nb201.Nb201Input;
import io.archforge.torch.nb201.Nb201NetworkBuilder;
import io.archforge.torch.net.MacroNetworkBuilder;
import io.archforge.torch.net.ReferenceNetworks;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.LatencyMeter;
import org.junit.jupiter.api.Test;

class HardwareProfilerTest {

    private static final Shape IMAGE = new Shape(1, 1, 28, 28);

    @Test
    void profilesReferenceNetwork() {
        HardwareProfiler profiler = new HardwareProfiler(new LatencyMeter(2, 30, 1),
                new LatencyMeter(1, 30, 1), 8, EnergyModel.horowitz45nm());
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            SequentialBlock network = new MacroNetworkBuilder(10, 2)
                    .build(ReferenceNetworks.referenceMacro());
            network.initialize(manager, DataType.FLOAT32, IMAGE);

            HardwareProfile profile = profiler.profile(network, manager, IMAGE);

            assertThat(profile.batchSize()).isEqualTo(8);
            assertThat(profile.latency().samplesMs()).hasSize(30);
            assertThat(profile.batchLatency().samplesMs()).hasSize(30)
                    .allMatch(sample -> sample > 0);
            assertThat(profile.batchLatency().medianMs())
                    .isGreaterThan(profile.latency().medianMs());
            assertThat(profile.memoryMb()).isPositive();
            assertThat(profile.energyMj()).isEqualTo(EnergyModel.horowitz45nm()
                    .estimateMillijoules(profile.macs(), profile.memory()));
            assertThat(profile.energyModel()).startsWith("model-based estimate");
        }
    }

    /*
     * DJL keeps every intermediate array of a pass until its sub-manager closes, so the
     * measured bytes hold all activations the pass wrote and cannot be below the estimate,
     * which holds only those alive at one time. Each operation of these networks writes
     * one array, or two for the global mean, so the measurement stays below parameters
     * plus twice the written activations.
     */
    @Test
    void measuredMemoryBracketsEstimate() {
        Nb201Input input = Nb201Input.of("cifar10");
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            SequentialBlock macro = new MacroNetworkBuilder(10, 2)
                    .build(ReferenceNetworks.referenceMacro());
            macro.initialize(manager, DataType.FLOAT32, IMAGE);
            Block cell = Nb201NetworkBuilder.forInput(input).create(CellSpace.nb201().parse(
                    "|nor_conv_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+"
                            + "|none~0|nor_conv_1x1~1|nor_conv_3x3~2|"),
                    manager, DataType.FLOAT32, 0, false);

            checkBracket(macro, manager, IMAGE);
            checkBracket(cell, manager, input.batchShape(1));
        }
    }

    private static void checkBracket(Block network, NDManager manager, Shape image) {
        NetworkFootprint footprint = NetworkFootprint.of(network, image);

        long measured = ForwardMemory.measureBytes(network, manager, image);

        long parameters = footprint.memory().parameterBytes();
        assertThat(measured).isGreaterThanOrEqualTo(footprint.memory().peakBytes());
        assertThat(measured).isLessThanOrEqualTo(
                parameters + 2 * footprint.memory().activationBytes());
    }
}
