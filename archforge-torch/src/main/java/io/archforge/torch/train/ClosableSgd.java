package io.archforge.torch.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Sgd;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * DJL's SGD optimizer, whose {@link #close} frees the momentum arrays it created. With
 * momentum that is one array of each trainable parameter's size, which DJL 0.36 would
 * leave allocated in libtorch, a copy of the network's weights per training run (see
 * {@link OptimizerStates}).
 */
public final class ClosableSgd extends Sgd implements AutoCloseable {

    private final OptimizerStates states = new OptimizerStates();

    /** Creates the optimizer that {@code builder} configures, in place of its {@code build()}. */
    public ClosableSgd(Sgd.Builder builder) {
        super(builder);
    }

    @Override
    protected NDArray withDefaultState(Map<String, Map<Device, NDArray>> state, String key,
            Device device, Function<String, NDArray> defaultFunction) {
        return super.withDefaultState(state, key, device, states.recording(defaultFunction));
    }

    /** Returns every state array created so far, in creation order, closed ones included. */
    List<NDArray> states() {
        return states.list();
    }

    /**
     * Frees every state array created so far. The optimizer must not update again,
     * because DJL would hand it the freed arrays. Closing twice does nothing more.
     */
    @Override
    public void close() {
        states.close();
    }
}
