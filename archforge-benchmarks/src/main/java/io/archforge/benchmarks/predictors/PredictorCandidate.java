package io.archforge.benchmarks.predictors;

import io.archforge.predictor.PredictorFactory;
import java.util.Objects;

/**
 * A predictor under test: its name, the encoding it reads and its factory.
 *
 * @param name the predictor's name, such as {@code gp}
 * @param encoding the encoding's name, as reported
 * @param factory creates the predictor for the table's space
 */
public record PredictorCandidate(String name, String encoding, PredictorFactory factory) {

    public PredictorCandidate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(factory, "factory");
    }
}
