package io.archforge.torch.nb201;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import io.archforge.space.CellSpace;
import io.archforge.space.CellSpace.Edge;
import io.archforge.torch.nb201.ParameterFreeOp.Kind;
import io.archforge.torch.train.DjlRuntime;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Gradients through cells with {@code none} edges, with a garbage collection between the
 * forward and the backward pass. A constant that autograd saves in the forward pass must
 * stay allocated until the backward pass reads it, even when no Java object refers to
 * it any more.
 */
class Nb201CellGradientTest {

    private static final CellSpace SPACE = CellSpace.nb201();
    private static final int ROUNDS = 5;
    private static final Shape INPUT = new Shape(2, 3, 4, 4);

    /** Direct buffers allocated after the collection, to take over any memory it freed. */
    private static final int CHURN_BUFFERS = 1000;

    /** Operations on the cell's edges 0->1, 0->2, 1->2, 0->3, 1->3 and 2->3. */
    private static final List<Kind> MIXED_KINDS = List.of(Kind.IDENTITY, Kind.ZERO,
            Kind.IDENTITY, Kind.ZERO, Kind.IDENTITY, Kind.IDENTITY);

    private static final String NETWORK_CELL = "|none~0|+|nor_conv_3x3~0|none~1|+"
            + "|skip_connect~0|none~1|nor_conv_1x1~2|";

    @Test
    void zeroEdgesAddNothingToInputGradient() {
        // The cell output is the input once per all-identity path from node 0 to node 3,
        // so every element of the input gradient of the summed output is that count.
        // The paths are 0->1->3 and 0->1->2->3.
        float expected = identityPaths(MIXED_KINDS);
        assertThat(expected).isEqualTo(2f);

        for (int round = 0; round < ROUNDS; round++) {
            float[] gradient = inputGradient(MIXED_KINDS);

            assertThat(gradient).as("round %d", round).hasSize((int) INPUT.size());
            for (int i = 0; i < gradient.length; i++) {
                assertThat(gradient[i]).as("round %d, element %d", round, i)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void networkGradientsSurviveGarbageCollection() {
        float[] plain = networkGradients(false);
        assertThat(plain).isNotEmpty();

        for (int round = 0; round < ROUNDS; round++) {
            float[] collected = networkGradients(true);

            assertThat(collected).as("round %d", round).hasSameSizeAs(plain);
            int first = firstDifference(plain, collected);
            assertThat(first).as("round %d: index of the first gradient element that differs",
                    round).isEqualTo(-1);
        }
    }

    /**
     * Returns the gradient of the summed cell output with respect to the cell input, with
     * a garbage collection between the forward and the backward pass.
     */
    private static float[] inputGradient(List<Kind> kinds) {
        List<Block> operations = new ArrayList<>();
        for (Kind kind : kinds) {
            operations.add(ParameterFreeOp.of(kind));
        }
        Nb201Cell cell = new Nb201Cell(SPACE.nodes(), SPACE.edges(), operations);
        NDManager base = DjlRuntime.engine().newBaseManager();
        boolean previous = DjlRuntime.setGradMode(true);
        try (NDManager manager = base) {
            cell.initialize(manager, DataType.FLOAT32, INPUT);
            NDArray input = manager.randomNormal(INPUT);
            input.setRequiresGradient(true);
            NDArray output = cell.forward(new ParameterStore(manager, false),
                    new NDList(input), true).singletonOrThrow().sum();

            List<ByteBuffer> churn = collectAndReuseFreedMemory();
            backward(output);
            assertThat(churn).hasSize(CHURN_BUFFERS);

            try (NDArray gradient = input.getGradient()) {
                return gradient.toFloatArray();
            }
        } finally {
            DjlRuntime.setGradMode(previous);
        }
    }

    /**
     * Returns every trainable parameter's gradient of the summed logits of a whole network, in
     * parameter order, with a garbage collection between the passes when {@code collect}
     * is set.
     */
    private static float[] networkGradients(boolean collect) {
        Nb201Input input = Nb201Input.of("cifar10");
        NDManager base = DjlRuntime.engine().newBaseManager();
        boolean previous = DjlRuntime.setGradMode(true);
        try (NDManager manager = base) {
            Block network = Nb201NetworkBuilder.forInput(input)
                    .create(SPACE.parse(NETWORK_CELL), manager, DataType.FLOAT32, 3, false);
            NDArray images = manager.ones(input.batchShape(2));
            NDArray output = network.forward(new ParameterStore(manager, false),
                    new NDList(images), true).singletonOrThrow().sum();

            List<ByteBuffer> churn = collect ? collectAndReuseFreedMemory() : List.of();
            backward(output);
            assertThat(churn).hasSize(collect ? CHURN_BUFFERS : 0);

            List<Float> values = new ArrayList<>();
            for (Parameter parameter : network.getParameters().values()) {
                if (!parameter.requiresGradient()) {
                    continue;
                }
                try (NDArray gradient = parameter.getArray().getGradient()) {
                    for (float value : gradient.toFloatArray()) {
                        values.add(value);
                    }
                }
            }
            float[] result = new float[values.size()];
            for (int i = 0; i < result.length; i++) {
                result[i] = values.get(i);
            }
            return result;
        } finally {
            DjlRuntime.setGradMode(previous);
        }
    }

    /**
     * Requests a garbage collection, after which the JVM frees the direct buffers that no
     * object refers to, then fills small direct buffers with NaN so that the freed memory
     * is likely reused.
     * The caller keeps the returned buffers alive until the backward pass is done.
     */
    private static List<ByteBuffer> collectAndReuseFreedMemory() {
        System.gc();
        List<ByteBuffer> churn = new ArrayList<>();
        for (int i = 0; i < CHURN_BUFFERS; i++) {
            churn.add(ByteBuffer.allocateDirect(Float.BYTES).putFloat(0, Float.NaN));
        }
        return churn;
    }

    private static void backward(NDArray scalar) {
        try (NDArray ones = scalar.onesLike()) {
            JniUtils.backward((PtNDArray) scalar, (PtNDArray) ones, false, false);
        }
    }

    /**
     * Returns the first index where the arrays differ in their bits, or -1. AssertJ's
     * element diff is too slow for arrays of a network's size.
     */
    private static int firstDifference(float[] expected, float[] actual) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToIntBits(expected[i]) != Float.floatToIntBits(actual[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Counts the paths from node 0 to the last node that use identity edges only. */
    private static float identityPaths(List<Kind> kinds) {
        List<Edge> edges = SPACE.edges();
        float[] paths = new float[SPACE.nodes()];
        paths[0] = 1;
        for (int k = 0; k < edges.size(); k++) {
            if (kinds.get(k) == Kind.IDENTITY) {
                paths[edges.get(k).to()] += paths[edges.get(k).from()];
            }
        }
        return paths[SPACE.nodes() - 1];
    }
}
