package io.archforge.torch.nb201;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A sequential block that hands the forward parameters, and with them a
 * {@link ForwardProbe}, to its children. DJL's {@code SequentialBlock} (0.36) drops
 * them.
 */
final class ProbedSequentialBlock extends ai.djl.nn.SequentialBlock {

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
            boolean training, PairList<String, Object> params) {
        NDList current = inputs;
        for (Block child : getChildren().values()) {
            current = child.forward(parameterStore, current, training, params);
        }
        return current;
    }
}
