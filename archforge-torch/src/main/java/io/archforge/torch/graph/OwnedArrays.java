package io.archforge.torch.graph;

import ai.djl.ndarray.NDArray;

/**
 * Copies arrays made from Java data into memory that libtorch owns.
 *
 * <p>DJL 0.36 wraps Java data without copying it. The Java buffer lives only as long as
 * the DJL array object that holds it, and a sparse array holds none. Autograd may read
 * an array after the last Java reference to it is gone, as a gather reads its index in
 * the backward pass, and would then read freed memory after a garbage collection.
 */
final class OwnedArrays {

    private OwnedArrays() {
    }

    /** Returns a copy of {@code array} in libtorch memory and closes {@code array}. */
    static NDArray owned(NDArray array) {
        NDArray copy = array.duplicate();
        array.close();
        return copy;
    }
}
