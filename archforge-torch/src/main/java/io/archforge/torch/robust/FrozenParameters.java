package io.archforge.torch.robust;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops autograd from tracking a network's parameters until {@link #close}, which
 * tracks them again. Input gradients then cost no weight gradients, and the
 * parameters' gradient buffers stay as they were.
 */
final class FrozenParameters implements AutoCloseable {

    private final List<NDArray> frozen = new ArrayList<>();

    /** Freezes every initialized parameter of {@code block} that requires a gradient. */
    FrozenParameters(Block block) {
        for (Parameter parameter : block.getParameters().values()) {
            if (!parameter.isInitialized()) {
                continue;
            }
            NDArray array = parameter.getArray();
            if (array.hasGradient()) {
                array.setRequiresGradient(false);
                frozen.add(array);
            }
        }
    }

    @Override
    public void close() {
        for (NDArray array : frozen) {
            array.setRequiresGradient(true);
        }
    }
}
