package io.archforge.torch.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import io.archforge.torch.train.DjlRuntime;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GraphConvolutionTest {

    private static final int NODES = 3;

    @Test
    void averagesBothDirections() {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            GraphConvolution layer = layer(manager, 2, 1);
            float[] forwardWeight = weight(layer, "predecessorWeight");
            float[] backwardWeight = weight(layer, "successorWeight");
            float[] features = {1, 2, 3, -1, 0.5f, 4};
            float[] fromPredecessors = {1, 0, 0, 0.5f, 0.5f, 0, 0, 0.5f, 0.5f};
            float[] fromSuccessors = {0.5f, 0.5f, 0, 0, 0.5f, 0.5f, 0, 0, 1};

            float[] output = forward(layer, manager, features, fromPredecessors, fromSuccessors)
                    .toFloatArray();

            for (int node = 0; node < NODES; node++) {
                double forward = relu(propagate(fromPredecessors, features, forwardWeight, node));
                double backward = relu(propagate(fromSuccessors, features, backwardWeight, node));
                assertThat((double) output[node]).as("node %d", node)
                        .isCloseTo((forward + backward) / 2, within(1e-5));
            }
        }
    }

    @Test
    void gradientsSurviveGarbageCollection() {
        float[] plain = gradients(false);
        float[] collected = gradients(true);

        assertThat(collected).containsExactly(plain);
    }

    /**
     * Returns the weights' gradients of the summed output, with a garbage collection and
     * fresh direct buffers between the forward and the backward pass when {@code collect}
     * is set, so that a Java buffer still read by autograd would be freed and reused.
     */
    private static float[] gradients(boolean collect) {
        NDManager base = DjlRuntime.engine().newBaseManager();
        boolean previous = DjlRuntime.setGradMode(true);
        try (NDManager manager = base) {
            GraphConvolution layer = layer(manager, 2, 4);
            float[] features = {1, 2, 3, -1, 0.5f, 4};
            float[] propagation = {1, 0, 0, 0.5f, 0.5f, 0, 0, 0.5f, 0.5f};
            NDArray output = forward(layer, manager, features, propagation, propagation).sum();
            if (collect) {
                System.gc();
                List<ByteBuffer> churn = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    churn.add(ByteBuffer.allocateDirect(4).putFloat(0, Float.NaN));
                }
                assertThat(churn).hasSize(1000);
            }
            try (NDArray ones = output.onesLike()) {
                JniUtils.backward((PtNDArray) output, (PtNDArray) ones, false, false);
            }
            List<Float> values = new ArrayList<>();
            for (Parameter parameter : layer.getParameters().values()) {
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

    private static GraphConvolution layer(NDManager manager, int in, int out) {
        GraphConvolution layer = new GraphConvolution(in, out);
        layer.setInitializer(new GlorotUniformInitializer(new SplittableRandom(1)),
                Parameter.Type.WEIGHT);
        Shape propagation = new Shape(1, NODES, NODES);
        layer.initialize(manager, DataType.FLOAT32, new Shape(1, NODES, in), propagation,
                propagation);
        return layer;
    }

    private static NDArray forward(GraphConvolution layer, NDManager manager, float[] features,
            float[] fromPredecessors, float[] fromSuccessors) {
        NDList inputs = new NDList(
                manager.create(features, new Shape(1, NODES, features.length / NODES)),
                manager.create(fromPredecessors, new Shape(1, NODES, NODES)),
                manager.create(fromSuccessors, new Shape(1, NODES, NODES)));
        return layer.forward(new ParameterStore(manager, false), inputs, false)
                .singletonOrThrow();
    }

    private static float[] weight(GraphConvolution layer, String name) {
        return layer.getParameters().get(name).getArray().toFloatArray();
    }

    /** Row {@code node} of {@code matrix * features * weight} for a one-unit weight. */
    private static double propagate(float[] matrix, float[] features, float[] weight,
            int node) {
        int in = weight.length;
        double sum = 0;
        for (int k = 0; k < NODES; k++) {
            double projected = 0;
            for (int f = 0; f < in; f++) {
                projected += features[k * in + f] * weight[f];
            }
            sum += matrix[node * NODES + k] * projected;
        }
        return sum;
    }

    private static double relu(double value) {
        return Math.max(0, value);
    }
}
