package io.archforge.torch.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import io.archforge.space.Architecture;
import io.archforge.space.MacroSpace;
import io.archforge.torch.train.DjlRuntime;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MacroNetworkBuilderTest {
    private static final Shape IMAGE = new Shape(1, 1, 28, 28);
    private static final String TINY = "s1.depth=1,s1.width=8,s1.kernel=3,s1.expansion=1,"
            + "s1.residual=off,s2.depth=1,s2.width=8,s2.kernel=3,s2.expansion=1,"
            + "s2.residual=off,s3.depth=1,s3.width=8,s3.kernel=3,s3.expansion=1,"
            + "s3.residual=off";

    @Test
    void randomArchitecturesGiveClassLogits() {
        Random random = new Random(11);
        for (int i = 0; i < 6; i++) {
            Architecture architecture = MacroSpace.create().sample(random);
            int stemStride = 1 + i % 2;
            try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
                SequentialBlock network = new MacroNetworkBuilder(10, stemStride)
                        .build(architecture);
                network.initialize(manager, DataType.FLOAT32, IMAGE);
                NDArray batch = manager.randomNormal(new Shape(3, 1, 28, 28));

                NDArray logits = network.forward(new ParameterStore(manager, false),
                        new NDList(batch), false).singletonOrThrow();

                assertThat(logits.getShape()).as(architecture.text())
                        .isEqualTo(new Shape(3, 10));
                assertThat(logits.isInfinite().any().getBoolean()).isFalse();
            }
        }
    }

    @Test
    void tinyNetworkStatsMatchHandCount() {
        // Stem 3x3 conv 1->8 at stride 2 gives 14x14; each stage is a depthwise 3x3 conv
        // and a 1x1 projection on 8 channels, at 14x14, 7x7 and 4x4; then linear 8->10.
        long macs = 14 * 14 * 8 * 9
                + 14 * 14 * 8 * 9 + 14 * 14 * 8 * 8
                + 7 * 7 * 8 * 9 + 7 * 7 * 8 * 8
                + 4 * 4 * 8 * 9 + 4 * 4 * 8 * 8
                + 8 * 10;
        long params = (72 + 16) + 3 * (72 + 16 + 64 + 16) + (80 + 10);

        ModelStats stats = measure(MacroSpace.create().parse(TINY), 2);

        assertThat(stats.flops()).isCloseTo(macs / 1e6, within(1e-12));
        assertThat(stats.params()).isCloseTo(params / 1e6, within(1e-12));
    }

    @Test
    void expandedResidualStatsMatchHandCount() {
        String text = TINY.replace("s1.expansion=1,s1.residual=off",
                "s1.expansion=2,s1.residual=on");
        // Stage 1 becomes 1x1 8->16, depthwise 3x3 on 16, 1x1 16->8, each with batch norm.
        long stage1Before = 14 * 14 * 8 * 9 + 14 * 14 * 8 * 8;
        long stage1After = 14 * 14 * 8 * 16 + 14 * 14 * 16 * 9 + 14 * 14 * 16 * 8;
        long tinyMacs = 49_688;
        long tinyParams = 682;

        ModelStats stats = measure(MacroSpace.create().parse(text), 2);

        assertThat(stats.flops())
                .isCloseTo((tinyMacs - stage1Before + stage1After) / 1e6, within(1e-12));
        assertThat(stats.params())
                .isCloseTo((tinyParams - 168 + (128 + 32) + (144 + 32) + (128 + 16)) / 1e6,
                        within(1e-12));
    }

    @Test
    void plainCnnHas93962Parameters() {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            SequentialBlock network = ReferenceNetworks.plainCnn(10);
            network.initialize(manager, DataType.FLOAT32, IMAGE);

            ModelStats stats = ModelStats.measure(network, IMAGE);

            assertThat(stats.params()).isCloseTo(0.093_962, within(1e-12));
            long macs = 28 * 28 * 32 * 9 + 14 * 14 * 64 * 32 * 9 + 7 * 7 * 128 * 64 * 9 + 1_280;
            assertThat(stats.flops()).isCloseTo(macs / 1e6, within(1e-12));
        }
    }

    private static ModelStats measure(Architecture architecture, int stemStride) {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            SequentialBlock network = new MacroNetworkBuilder(10, stemStride).build(architecture);
            network.initialize(manager, DataType.FLOAT32, IMAGE);
            return ModelStats.measure(network, IMAGE);
        }
    }
}
