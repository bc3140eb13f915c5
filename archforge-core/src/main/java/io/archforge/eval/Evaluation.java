package io.archforge.eval;

import java.util.Map;

/**
 * The result of evaluating one architecture.
 *
 * @param metrics metric values by name, in the units fixed for each name
 *     ({@code accuracy} percent, {@code params} millions, {@code latency_ms} milliseconds)
 * @param attributes provenance, such as the data source and the machine
 * @param artifacts named byte strings the study stores with the trial, such as the
 *     trained weights; none for a table look-up
 */
public record Evaluation(Map<String, Double> metrics, Map<String, String> attributes,
        Map<String, byte[]> artifacts) {

    public Evaluation {
        metrics = Map.copyOf(metrics);
        attributes = Map.copyOf(attributes);
        artifacts = Map.copyOf(artifacts);
    }

    /** Creates an evaluation without artifacts. */
    public Evaluation(Map<String, Double> metrics, Map<String, String> attributes) {
        this(metrics, attributes, Map.of());
    }

    public static Evaluation of(Map<String, Double> metrics) {
        return new Evaluation(metrics, Map.of());
    }
}
