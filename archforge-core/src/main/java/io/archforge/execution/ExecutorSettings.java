package io.archforge.execution;

import java.util.Map;
import java.util.Optional;

/**
 * The execution settings a user requested for a run's trials.
 *
 * @param parallelism trials in flight at once, or empty for the executor's default
 * @param master where a cluster executor sends its work, such as {@code local[2]} or
 *     {@code spark://host:7077}; empty for the executor's default
 * @param options executor-specific settings, such as GPUs per trial
 */
public record ExecutorSettings(Optional<Integer> parallelism, Optional<String> master,
        Map<String, String> options) {

    public ExecutorSettings {
        options = Map.copyOf(options);
    }

    /** Default settings. */
    public static ExecutorSettings defaults() {
        return new ExecutorSettings(Optional.empty(), Optional.empty(), Map.of());
    }
}
