package io.archforge.latency;

import io.archforge.encoding.Encoder;
import io.archforge.predictor.Predictor;
import io.archforge.space.SearchSpace;

/**
 * Creates an unfitted {@link Predictor} that reads a given encoder, so that a latency
 * predictor can append its own features, such as a lookup-table sum, to the encoding.
 */
@FunctionalInterface
public interface EncodedPredictorFactory {

    /**
     * Creates a predictor of {@code space} on {@code encoder} whose fits draw their random
     * numbers from {@code seed}.
     */
    Predictor create(SearchSpace space, Encoder encoder, long seed);
}
