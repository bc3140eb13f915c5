package io.archforge.eval;

import java.util.Map;

/**
 * The result of evaluating one architecture.
 *
 * @param metrics metric values by name, in the units fixed for each name
 *     ({@code accuracy} percent, {@code params} millions, {@code latency_ms} milliseconds)
 * @param attributes provenance, such as the data source and the machine
 */
public record Evaluation(Map<String, Double> metrics, Map<String, String> attributes) {

    public Evaluation {
        metrics = Map.copyOf(metrics);
        attributes = Map.copyOf(attributes);
    }

    public static Evaluation of(Map<String, Double> metrics) {
        return new Evaluation(metrics, Map.of());
    }
}
