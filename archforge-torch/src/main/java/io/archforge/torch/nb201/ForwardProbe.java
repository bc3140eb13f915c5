package io.archforge.torch.nb201;

import ai.djl.ndarray.NDArray;
import ai.djl.util.PairList;

/**
 * Observes a forward pass of a network built by {@link Nb201NetworkBuilder}, for
 * measures that need intermediate values: the output of every convolution and linear
 * layer, and the input of every ReLU. Pass it with {@link #asParams()} as the last
 * argument of {@code Block.forward}; without it the network computes the same function
 * and calls nothing.
 */
public interface ForwardProbe {

    /** The key under which {@link #asParams()} stores the probe. */
    String KEY = "archforge.forward-probe";

    /**
     * Receives the output of a convolution or linear layer and returns the array the
     * network continues with, which must have the same value (for example the output
     * plus a zero array whose gradient is wanted).
     *
     * @param output the layer output, [batch, units] or [batch, channels, rows, columns]
     * @param weightsPerUnit the weights that feed one output channel or unit: input
     *     channels times the kernel area, or input features
     */
    default NDArray afterLayer(NDArray output, long weightsPerUnit) {
        return output;
    }

    /** Receives the input of a ReLU. */
    default void beforeRelu(NDArray input) {
    }

    /** Wraps this probe as the parameter list that {@code Block.forward} takes. */
    default PairList<String, Object> asParams() {
        PairList<String, Object> params = new PairList<>();
        params.add(KEY, this);
        return params;
    }

    /** Returns the probe in {@code params}, or null. */
    static ForwardProbe from(PairList<String, Object> params) {
        return params == null ? null : (ForwardProbe) params.get(KEY);
    }
}
