package io.archforge.torch.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** A dense layer {@code x W + b}, optionally without bias. */
final class Linear {

    private final NDArray weight;
    private final NDArray bias;

    /** Creates the layer's parameters under {@code name}. */
    Linear(GnnParameters parameters, String name, long in, long out, boolean withBias) {
        this.weight = parameters.weight(name + ".weight", new Shape(in, out));
        this.bias = withBias ? parameters.bias(name + ".bias", out) : null;
    }

    /** Returns {@code x W + b} for rows {@code x} [rows, in]. */
    NDArray apply(NDArray x) {
        return addBias(x.matMul(weight));
    }

    /**
     * Returns the graph's sparse features, after dropout at rate {@code dropout}, times
     * W, plus b, attached to {@code step}.
     */
    NDArray applyToFeatures(GraphTensors graph, ai.djl.ndarray.NDManager step, double dropout,
            java.util.SplittableRandom random) {
        return addBias(graph.project(weight, step, dropout, random));
    }

    private NDArray addBias(NDArray product) {
        return bias == null ? product : product.add(bias);
    }
}
