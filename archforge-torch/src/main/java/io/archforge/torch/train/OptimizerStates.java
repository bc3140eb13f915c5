package io.archforge.torch.train;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The state arrays a DJL optimizer creates, recorded so that they can be freed.
 *
 * <p>DJL 0.36 detaches each optimizer state array from its manager when it creates it,
 * so closing the parameters' manager leaves the state allocated in libtorch. Copies DJL
 * makes of a state for a second device are not recorded, which is no loss on one device.
 */
final class OptimizerStates {

    private final List<NDArray> states = new ArrayList<>();

    /** Wraps an optimizer's default-state function so that it records what it creates. */
    Function<String, NDArray> recording(Function<String, NDArray> defaultFunction) {
        return name -> {
            NDArray created = defaultFunction.apply(name);
            states.add(created);
            return created;
        };
    }

    /** Returns every state array created so far, in creation order, closed ones included. */
    List<NDArray> list() {
        return List.copyOf(states);
    }

    /** Frees every state array created so far; closing twice does nothing more. */
    void close() {
        for (NDArray array : states) {
            array.close();
        }
    }
}
