package io.archforge.encoding;

import io.archforge.space.Architecture;

/**
 * Maps architectures of one search space to fixed-length real feature vectors, the
 * input of surrogate models such as Gaussian processes and neural predictors.
 *
 * <p>Implementations are immutable and thread-safe, and {@link #encode} returns a new
 * array of length {@link #dimension()} on every call.
 */
public interface Encoder {

    /** The number of features. */
    int dimension();

    /**
     * Encodes one architecture of the encoder's space.
     *
     * @throws IllegalArgumentException when the architecture is from another space
     */
    double[] encode(Architecture architecture);
}
