package io.archforge.torch.nb201;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.MacroSpace;
import io.archforge.torch.train.DjlRuntime;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Nb201NetworkBuilderTest {

    private static final CellSpace SPACE = CellSpace.nb201();
    private static final String MIXED = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+"
            + "|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";

    @Test
    void paramsAndFlopsMatchTableSubset() throws IOException {
        List<Map<String, String>> rows = ZeroCostTableFile.rows("cifar10");
        assertThat(rows).hasSize(725);
        Nb201NetworkBuilder builder = Nb201NetworkBuilder.forInput(Nb201Input.of("cifar10"));
        DjlRuntime.engine();
        int checked = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int row = 0; row < rows.size(); row += 12) {
                Map<String, String> cells = rows.get(row);
                String text = cells.get("arch_str");
                try (NDManager network = manager.newSubManager()) {
                    Block block = builder.create(SPACE.parse(text), network, DataType.FLOAT32,
                            row, false);
                    NetworkCost cost = NetworkCost.of(block, new Shape(1, 3, 32, 32));
                    long expectedParams = Math.round(Double.parseDouble(cells.get("params"))
                            * 1e6);
                    double expectedFlops = Double.parseDouble(cells.get("flops"));
                    assertThat(cost.params()).as(text).isEqualTo(expectedParams);
                    assertThat(cost.megaFlops()).as(text)
                            .isCloseTo(expectedFlops, within(expectedFlops * 0.01));
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(50);
    }

    @Test
    void forwardGivesLogitsPerImage() {
        Nb201Input input = Nb201Input.of("imagenet16-120");
        DjlRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Nb201NetworkBuilder.forInput(input)
                    .create(SPACE.parse(MIXED), manager, DataType.FLOAT32, 1, false);
            NDArray images = manager.randomNormal(input.batchShape(4));
            NDArray logits = block.forward(new ParameterStore(manager, false),
                    new NDList(images), false).singletonOrThrow();
            assertThat(logits.getShape()).isEqualTo(new Shape(4, 120));
        }
    }

    @Test
    void probeSeesEveryReluAndLayer() {
        // MIXED has 3 convolution edges: 15 cells x 3 ReLU-conv pairs, 2 reduction blocks
        // of 2 ReLU-conv pairs and a shortcut convolution, the head ReLU, the stem
        // convolution and the classifier.
        int[] relus = new int[1];
        int[] layers = new int[1];
        ForwardProbe probe = new ForwardProbe() {
            @Override
            public NDArray afterLayer(NDArray output, long weightsPerUnit) {
                layers[0]++;
                return output;
            }

            @Override
            public void beforeRelu(NDArray input) {
                relus[0]++;
            }
        };
        Nb201Input input = Nb201Input.of("cifar10");
        DjlRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Nb201NetworkBuilder.forInput(input)
                    .create(SPACE.parse(MIXED), manager, DataType.FLOAT32, 1, false);
            block.forward(new ParameterStore(manager, false),
                    new NDList(manager.ones(input.batchShape(2))), false, probe.asParams());
        }
        assertThat(relus[0]).isEqualTo(45 + 4 + 1);
        assertThat(layers[0]).isEqualTo(45 + 6 + 2);
    }

    @Test
    void sameSeedGivesSameWeights() {
        Nb201NetworkBuilder builder = Nb201NetworkBuilder.forInput(Nb201Input.of("cifar10"));
        DjlRuntime.engine();
        try (NDManager manager = NDManager.newBaseManager()) {
            Architecture cell = SPACE.parse(MIXED);
            Block first = builder.create(cell, manager, DataType.FLOAT32, 7, false);
            Block second = builder.create(cell, manager, DataType.FLOAT32, 7, false);
            Block other = builder.create(cell, manager, DataType.FLOAT32, 8, false);
            NDArray a = first.getParameters().valueAt(0).getArray();
            assertThat(a.contentEquals(second.getParameters().valueAt(0).getArray())).isTrue();
            assertThat(a.contentEquals(other.getParameters().valueAt(0).getArray())).isFalse();
        }
    }

    @Test
    void rejectsOtherSpace() {
        Architecture macro = MacroSpace.create().sample(new java.util.Random(1));
        Nb201NetworkBuilder builder = Nb201NetworkBuilder.forInput(Nb201Input.of("cifar10"));
        assertThatThrownBy(() -> builder.build(macro))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected nb201");
    }

    @Test
    void rejectsUnknownDataset() {
        assertThatThrownBy(() -> Nb201Input.of("svhn"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("svhn").hasMessageContaining("cifar100");
    }
}
