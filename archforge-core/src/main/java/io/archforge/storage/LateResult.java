package io.archforge.storage;

import io.archforge.study.TrialState;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The attributes under which a store keeps the result of a trial that finished
 * after it was marked STALE, so no result is lost: {@code late_state}, one
 * {@code late_metric.NAME} per metric (the value as {@link Double#toString(double)}
 * writes it) and {@code late_error} when there is an error.
 */
public final class LateResult {

    /** The attribute holding the state the late result would have set. */
    public static final String STATE = "late_state";
    /** The prefix of the attributes holding late metric values. */
    public static final String METRIC_PREFIX = "late_metric.";
    /** The attribute holding the late error message. */
    public static final String ERROR = "late_error";

    private LateResult() {
    }

    /** The attributes that record a late result. */
    public static Map<String, String> attributes(TrialState state, Map<String, Double> metrics,
            Optional<String> error) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put(STATE, state.name());
        metrics.forEach((name, value) ->
                attributes.put(METRIC_PREFIX + name, Double.toString(value)));
        error.ifPresent(message -> attributes.put(ERROR, message));
        return attributes;
    }
}
