package io.archforge.benchmarks.latency;

import io.archforge.latency.LatencyPredictor;
import java.util.Objects;

/**
 * A latency prediction method as a benchmark runs it.
 *
 * @param method the method key, such as {@code transfer}
 * @param predictor the learned model inside the method, or {@code -} for none
 * @param factory creates an unfitted predictor for a device and seed
 */
public record LatencyCandidate(String method, String predictor, Factory factory) {

    /** Creates unfitted latency predictors. */
    @FunctionalInterface
    public interface Factory {

        /** Creates a predictor for {@code device} whose fits are seeded with {@code seed}. */
        LatencyPredictor create(String device, long seed);
    }

    public LatencyCandidate {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(predictor, "predictor");
        Objects.requireNonNull(factory, "factory");
    }
}
