package io.archforge.torch.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.PairList;
import io.archforge.torch.train.DjlRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Forward and backward passes shared by the proxies, on the PyTorch engine. */
final class NetworkPasses {

    private static final Loss LOSS = Loss.softmaxCrossEntropyLoss();

    private NetworkPasses() {
    }

    /** Runs {@code work} with autograd recording on in this thread, then restores the mode. */
    static <T> T withGrad(boolean enabled, Supplier<T> work) {
        boolean previous = DjlRuntime.setGradMode(enabled);
        try {
            return work.get();
        } finally {
            DjlRuntime.setGradMode(previous);
        }
    }

    /** Forward pass in training mode (batch norm uses batch statistics). */
    static NDArray forward(Block network, NDManager manager, NDArray images,
            PairList<String, Object> params) {
        return network.forward(new ParameterStore(manager, false), new NDList(images), true,
                params).singletonOrThrow();
    }

    /** Computes the mean softmax cross-entropy of the logits against int64 labels. */
    static NDArray loss(NDArray logits, NDArray labels) {
        return LOSS.evaluate(new NDList(labels), new NDList(logits));
    }

    /**
     * Adds the gradient of a scalar to every leaf's gradient buffer.
     *
     * @param createGraph whether to record the backward pass, so that the gradients can
     *     be differentiated again
     */
    static void backward(NDArray scalar, boolean createGraph) {
        try (NDArray ones = scalar.onesLike()) {
            JniUtils.backward((PtNDArray) scalar, (PtNDArray) ones, createGraph, createGraph);
        }
    }

    /** Lists the weights of every convolution and linear layer, in network order. */
    static List<NDArray> layerWeights(Block network) {
        List<NDArray> weights = new ArrayList<>();
        collect(network, weights);
        return weights;
    }

    private static void collect(Block block, List<NDArray> weights) {
        if (block instanceof Convolution || block instanceof Linear) {
            for (Parameter parameter : block.getDirectParameters().values()) {
                if (parameter.getType() == Parameter.Type.WEIGHT) {
                    weights.add(parameter.getArray());
                }
            }
            return;
        }
        for (Block child : block.getChildren().values()) {
            collect(child, weights);
        }
    }

    /** Sums every element in float64 and returns the sum. */
    static double sum(NDArray array) {
        try (NDArray wide = array.toType(DataType.FLOAT64, false);
                NDArray total = wide.sum()) {
            return total.getDouble();
        }
    }

    /** Sums {@code |w * dL/dw|} over the weights, the saliency of SNIP and synflow. */
    static double weightTimesGradient(List<NDArray> weights) {
        double total = 0;
        for (NDArray weight : weights) {
            try (NDArray gradient = weight.getGradient();
                    NDArray product = weight.mul(gradient);
                    NDArray magnitude = product.abs()) {
                total += sum(magnitude);
            }
        }
        return total;
    }
}
