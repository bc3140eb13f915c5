package io.archforge.torch.supernet.macro;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.loss.Loss;
import io.archforge.space.Architecture;
import io.archforge.torch.train.DjlRuntime;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gradients of a sub-network flow through the slices into the full parameters. */
class SupernetGradientTest {
    private static final Shape IMAGE = new Shape(1, 1, 28, 28);

    @Test
    void gradientsReachOnlyUsedSlices() {
        try (MacroSupernet supernet = new MacroSupernet(10, 2, IMAGE, 7)) {
            ElasticMacroNetwork network = (ElasticMacroNetwork) supernet.block();
            List<Parameter> trainable = supernet.block().getParameters().values().stream()
                    .filter(Parameter::requiresGradient).toList();
            for (Architecture architecture : MacroSupernetTest.architectures(3, 23)) {
                supernet.select(architecture);
                try (NDManager step = supernet.manager().newSubManager()) {
                    backward(supernet, step);
                    Map<Parameter, NDArray> masks = usedMasks(network.activeSlices(), step);

                    for (Parameter parameter : trainable) {
                        NDArray gradient = parameter.getArray().getGradient();
                        gradient.attach(step);
                        NDArray mask = masks.getOrDefault(parameter,
                                step.zeros(parameter.getShape()));
                        float outside = gradient.mul(mask.neg().add(1f)).abs().sum().getFloat();
                        float inside = gradient.mul(mask).abs().sum().getFloat();

                        assertThat(outside).as("%s: gradient outside the used slice of %s",
                                architecture, parameter.getName()).isZero();
                        if (masks.containsKey(parameter)) {
                            assertThat(inside).as("%s: gradient inside the used slice of %s",
                                    architecture, parameter.getName()).isPositive();
                        }
                    }
                }
                trainable.forEach(p -> JniUtils.zeroGrad((PtNDArray) p.getArray()));
            }
        }
    }

    @Test
    void runningStatisticsGetNoGradient() {
        try (MacroSupernet supernet = new MacroSupernet(10, 2, IMAGE, 7)) {
            List<Parameter> statistics = supernet.block().getParameters().values().stream()
                    .filter(p -> p.getType() == Parameter.Type.RUNNING_MEAN
                            || p.getType() == Parameter.Type.RUNNING_VAR)
                    .toList();

            assertThat(statistics).hasSize(2 * ((ElasticMacroNetwork) supernet.block())
                    .batchNorms().size());
            assertThat(statistics).noneMatch(Parameter::requiresGradient);
        }
    }

    /** Runs one forward and backward pass of a softmax cross-entropy loss on noise. */
    private static void backward(MacroSupernet supernet, NDManager step) {
        boolean previous = DjlRuntime.setGradMode(true);
        try {
            NDArray images = step.randomNormal(new Shape(4, 1, 28, 28));
            NDArray labels = step.create(new long[] {0, 3, 5, 9});
            NDArray logits = MacroSupernetTest.forward(supernet, images, true);
            NDArray loss = Loss.softmaxCrossEntropyLoss()
                    .evaluate(new NDList(labels), new NDList(logits));
            JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), false, false);
        } finally {
            DjlRuntime.setGradMode(previous);
        }
    }

    /** Returns, per used parameter, an array of its shape that is 1 on the used slices. */
    private static Map<Parameter, NDArray> usedMasks(List<ParameterSlice> slices,
            NDManager manager) {
        Map<Parameter, NDArray> masks = new IdentityHashMap<>();
        for (ParameterSlice slice : slices) {
            masks.computeIfAbsent(slice.parameter(), p -> manager.zeros(p.getShape()))
                    .set(slice.index(), 1f);
        }
        return masks;
    }
}
