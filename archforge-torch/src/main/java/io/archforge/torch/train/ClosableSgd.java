package io.archforge.torch.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Sgd;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * DJL's SGD optimizer, whose {@link #close} frees the momentum arrays it created.
 *
 * <p>DJL 0.36 detaches each optimizer state array from its manager when it creates it,
 * so closing the parameters' manager leaves the state allocated in libtorch. With
 * momentum, that is one array of each trainable parameter's size, so every training run
 * would leave a copy of its network's weights behind. This class records each state
 * array as it is created. Copies DJL makes of a state for a second device are not
 * recorded, which is no loss on one device.
 */
public final class ClosableSgd extends Sgd implements AutoCloseable {

    private final List<NDArray> states = new ArrayList<>();

    /** Creates the optimizer that {@code builder} configures, in place of its {@code build()}. */
    public ClosableSgd(Sgd.Builder builder) {
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

    /** Returns every state array created so far, in creation order, closed ones included. */
    List<NDArray> states() {
        return List.copyOf(states);
    }

    /**
     * Frees every state array created so far. The optimizer must not update again,
     * because DJL would hand it the freed arrays. Closing twice does nothing more.
     */
    @Override
    public void close() {
        for (NDArray array : states) {
            array.close();
        }
    }
}
