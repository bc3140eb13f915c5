package io.archforge.torch.supernet;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parameter store that records every parameter a forward pass reads. In a supernet
 * these are exactly the parameters of the selected path: the blocks of operations that
 * are not selected never run, so they never ask for their parameters.
 */
final class RecordingParameterStore extends ParameterStore {

    private final Map<String, Parameter> used = new LinkedHashMap<>();

    /** Creates a store that hands out the parameters' own arrays, without copies. */
    RecordingParameterStore(NDManager manager) {
        super(manager, false);
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        if (parameter != null) {
            used.putIfAbsent(parameter.getId(), parameter);
        }
        return super.getValue(parameter, device, training);
    }

    /** Returns the parameters read since the last {@link #clear}, in first-read order. */
    Collection<Parameter> used() {
        return used.values();
    }

    /** Returns whether a forward pass read {@code parameter} since the last {@link #clear}. */
    boolean wasUsed(Parameter parameter) {
        return used.containsKey(parameter.getId());
    }

    /** Forgets the parameters read so far. */
    void clear() {
        used.clear();
    }
}
