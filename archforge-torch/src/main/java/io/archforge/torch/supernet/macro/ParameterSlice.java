package io.archforge.torch.supernet.macro;

import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import java.util.Objects;

/**
 * The part of a full-size parameter that the selected sub-network uses.
 *
 * @param parameter the full parameter
 * @param index the used region of its array
 */
record ParameterSlice(Parameter parameter, NDIndex index) {

    ParameterSlice {
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(index, "index");
    }
}
