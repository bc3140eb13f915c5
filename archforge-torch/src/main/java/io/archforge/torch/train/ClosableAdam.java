package io.archforge.torch.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Adam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * DJL's Adam optimizer, whose {@link #close} frees the moment arrays it created.
 *
 * <p>DJL 0.36 detaches each optimizer state array from its manager when it creates it,
 * so closing the parameters' manager leaves the state allocated in libtorch: two
 * arrays of the parameters' size per optimizer, never freed. This class records each
 * state array as it is created. Copies DJL makes of a state for a second device are
 * not recorded, which is no loss on one device.
 */
public final class ClosableAdam extends Adam implements AutoCloseable {

    private final List<NDArray> states = new ArrayList<>();

    /** Creates the optimizer that {@code builder} configures, in place of its {@code build()}. */
    public ClosableAdam(Adam.Builder builder) {
        super(builder);
    }

    @Override
    protected NDArray withDefaultState(Map<String, Map<Device, NDArray>> state, String key,
            Device device, Function<String, NDArray> defaultFunction) {
        return super.withDefaultState(state, key, device, name -> {
            NDArray created = defaultFunction.apply(name);
            states.add(created);
            return created;
        });
    }

    /** Frees every state array created so far; the optimizer must not update again. */
    @Override
    public void close() {
        for (NDArray array : states) {
            array.close();
        }
        states.clear();
    }
}
