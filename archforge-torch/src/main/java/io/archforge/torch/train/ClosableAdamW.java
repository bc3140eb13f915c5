package io.archforge.torch.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.AdamW;
import java.util.Map;
import java.util.function.Function;

/**
 * DJL's AdamW optimizer, whose {@link #close} frees the moment arrays it created: two
 * arrays of the parameters' size, which DJL 0.36 would leave allocated in libtorch (see
 * {@link OptimizerStates}).
 */
public final class ClosableAdamW extends AdamW implements AutoCloseable {

    private final OptimizerStates states = new OptimizerStates();

    /** Creates the optimizer that {@code builder} configures, in place of its {@code build()}. */
    public ClosableAdamW(AdamW.Builder builder) {
        super(builder);
    }

    @Override
    protected NDArray withDefaultState(Map<String, Map<Device, NDArray>> state, String key,
            Device device, Function<String, NDArray> defaultFunction) {
        return super.withDefaultState(state, key, device, states.recording(defaultFunction));
    }

    /** Frees every state array created so far; the optimizer must not update again. */
    @Override
    public void close() {
        states.close();
    }
}
