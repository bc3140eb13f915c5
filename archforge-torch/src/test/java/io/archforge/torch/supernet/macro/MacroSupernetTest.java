package io.archforge.torch.supernet.macro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import io.archforge.space.Architecture;
import io.archforge.space.MacroSpace;
import io.archforge.space.MacroSpace.StageSpec;
import io.archforge.torch.net.MacroNetworkBuilder;
import io.archforge.torch.net.ReferenceNetworks;
import io.archforge.torch.train.DjlRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Sub-networks of the macro supernet against the networks MacroNetworkBuilder builds. */
class MacroSupernetTest {
    private static final Shape IMAGE = new Shape(1, 1, 28, 28);
    private static final int CLASSES = 10;
    private static final String SMALLEST = "s1.depth=1,s1.width=8,s1.kernel=3,"
            + "s1.expansion=1,s1.residual=off,s2.depth=1,s2.width=8,s2.kernel=3,"
            + "s2.expansion=1,s2.residual=off,s3.depth=1,s3.width=8,s3.kernel=3,"
            + "s3.expansion=1,s3.residual=off";

    @Test
    void largestHasEveryChoiceAtItsMaximum() {
        List<StageSpec> stages = MacroSpace.stages(MacroSupernet.largest());

        assertThat(stages).containsOnly(new StageSpec(3, 64, 5, 4, true));
        assertThat(stages).hasSize(MacroSpace.STAGES);
    }

    @Test
    void subnetworkMatchesBuilderShapeAndCount() {
        for (int stemStride = 1; stemStride <= 2; stemStride++) {
            MacroNetworkBuilder builder = new MacroNetworkBuilder(CLASSES, stemStride);
            try (MacroSupernet supernet = new MacroSupernet(CLASSES, stemStride, IMAGE, 3);
                    NDManager manager = DjlRuntime.engine().newBaseManager()) {
                NDArray images = manager.randomNormal(new Shape(3, 1, 28, 28));
                for (Architecture architecture : architectures(8, stemStride)) {
                    SequentialBlock reference = builder.build(architecture);
                    reference.initialize(manager, DataType.FLOAT32, IMAGE);
                    supernet.select(architecture);

                    Shape expected = forward(reference, manager, images, false).getShape();
                    Shape actual = forward(supernet, images, false).getShape();

                    assertThat(actual).as(architecture.text()).isEqualTo(expected);
                    assertThat(actual).as(architecture.text()).isEqualTo(new Shape(3, CLASSES));
                    assertThat(supernet.selectedParameterCount()).as(architecture.text())
                            .isEqualTo(trainableCount(reference));
                    assertThat(supernet.block().getOutputShapes(new Shape[] {images.getShape()}))
                            .as(architecture.text()).containsExactly(expected);
                }
            }
        }
    }

    @Test
    void subnetworkComputesBuilderFunction() {
        MacroNetworkBuilder builder = new MacroNetworkBuilder(CLASSES, 2);
        try (MacroSupernet supernet = new MacroSupernet(CLASSES, 2, IMAGE, 5);
                NDManager manager = DjlRuntime.engine().newBaseManager()) {
            NDArray images = manager.randomNormal(new Shape(6, 1, 28, 28));
            ElasticMacroNetwork network = (ElasticMacroNetwork) supernet.block();
            for (Architecture architecture : architectures(5, 17)) {
                supernet.select(architecture);
                SequentialBlock reference = builder.build(architecture);
                reference.initialize(manager, DataType.FLOAT32, IMAGE);
                List<Parameter> targets = reference.getParameters().values();
                List<ParameterSlice> slices = network.activeSlices();
                assertThat(slices).as(architecture.text()).hasSameSizeAs(targets);

                // Copy each used slice into the builder's parameter in the same position
                for (int i = 0; i < slices.size(); i++) {
                    NDArray slice = slices.get(i).parameter().getArray()
                            .get(manager, slices.get(i).index());
                    NDArray target = targets.get(i).getArray();
                    assertThat(slice.getShape()).as("%s, parameter %d (%s)", architecture,
                            i, targets.get(i).getName()).isEqualTo(target.getShape());
                    target.set(new ai.djl.ndarray.index.NDIndex(":"), slice);
                }

                boolean previous = DjlRuntime.setGradMode(false);
                try {
                    NDArray expected = forward(reference, manager, images, true);
                    NDArray actual = forward(supernet, images, true);
                    assertThat(actual.allClose(expected, 1e-4, 1e-4, false))
                            .as("%s: largest difference %s", architecture,
                                    actual.sub(expected).abs().max().getFloat())
                            .isTrue();
                } finally {
                    DjlRuntime.setGradMode(previous);
                }
            }
        }
    }

    @Test
    void largestUsesEveryTrainableValue() {
        try (MacroSupernet supernet = new MacroSupernet(CLASSES, 2, IMAGE, 1)) {
            supernet.select(MacroSupernet.largest());

            assertThat(supernet.selectedParameterCount())
                    .isEqualTo(trainableCount(supernet.block().getParameters().values()));
        }
    }

    @Test
    void selectRejectsOtherSpaces() {
        try (MacroSupernet supernet = new MacroSupernet(CLASSES, 2, IMAGE, 1)) {
            Architecture other = new Architecture("nb201", List.of(0, 1), "x", "x");

            assertThatThrownBy(() -> supernet.select(other))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("nb201");
            assertThat(supernet.selected()).isEqualTo(MacroSupernet.largest());
        }
    }

    /** Returns the largest, smallest and reference architectures and {@code sampled} others. */
    static List<Architecture> architectures(int sampled, long seed) {
        List<Architecture> architectures = new ArrayList<>();
        architectures.add(MacroSupernet.largest());
        architectures.add(MacroSpace.create().parse(SMALLEST));
        architectures.add(ReferenceNetworks.referenceMacro());
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < sampled; i++) {
            architectures.add(MacroSpace.create().sample(random));
        }
        return architectures;
    }

    static NDArray forward(MacroSupernet supernet, NDArray images, boolean training) {
        return supernet.block().forward(new ParameterStore(supernet.manager(), false),
                new NDList(images), training).singletonOrThrow();
    }

    private static NDArray forward(SequentialBlock network, NDManager manager, NDArray images,
            boolean training) {
        return network.forward(new ParameterStore(manager, false), new NDList(images),
                training).singletonOrThrow();
    }

    private static long trainableCount(SequentialBlock network) {
        return trainableCount(network.getParameters().values());
    }

    private static long trainableCount(List<Parameter> parameters) {
        long count = 0;
        for (Parameter parameter : parameters) {
            if (parameter.requiresGradient()) {
                count += parameter.getShape().size();
            }
        }
        return count;
    }
}
