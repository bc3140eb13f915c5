package io.archforge.predictor;

import io.archforge.space.SearchSpace;

/** Creates unfitted predictors of one kind for a space. */
@FunctionalInterface
public interface PredictorFactory {

    /**
     * Creates a predictor for {@code space} whose fits draw their random numbers from
     * {@code seed}.
     */
    Predictor create(SearchSpace space, long seed);
}
