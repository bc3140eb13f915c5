package io.archforge.app.bench;

import io.archforge.app.setup.PredictorCatalog;
import io.archforge.latency.EncodedPredictorFactory;
import io.archforge.predictor.PredictorFactory;
import io.archforge.predictor.Predictors;
import io.archforge.predictors.xgboost.XgboostPredictors;
import java.util.ArrayList;
import java.util.List;

/**
 * The performance predictors that latency methods can fit, by the name given to
 * {@code bench latency --predictor}: those of {@link PredictorCatalog} that read an
 * encoding, because the latency methods append features to it.
 */
final class LatencyModels {

    private LatencyModels() {
    }

    /** Returns the predictor names, in the catalogue's order. */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (String name : PredictorCatalog.names()) {
            if (Predictors.names().contains(name) || name.equals(XgboostPredictors.NAME)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    /**
     * Returns the factory of predictor {@code name} on a given encoder.
     *
     * @throws IllegalArgumentException naming the valid predictors when there is none of
     *     that name
     */
    static EncodedPredictorFactory factory(String name) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("unknown predictor '" + name
                    + "' for latency; valid predictors are " + String.join(", ", names())
                    + " (the graph network and the ensemble read their own inputs)");
        }
        return (space, encoder, seed) -> {
            PredictorFactory factory = name.equals(XgboostPredictors.NAME)
                    ? XgboostPredictors.factory(s -> encoder)
                    : Predictors.factory(name, s -> encoder).orElseThrow();
            return factory.create(space, seed);
        };
    }
}
