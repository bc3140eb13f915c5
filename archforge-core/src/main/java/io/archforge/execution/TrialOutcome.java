package io.archforge.execution;

import java.io.Serializable;
import java.util.Map;

/** The end of a {@link TrialTask}'s evaluation, in a form that crosses processes. */
public sealed interface TrialOutcome extends Serializable {

    /**
     * The evaluation finished.
     *
     * @param metrics the metrics by name
     * @param attributes provenance attributes
     * @param artifacts named byte strings to store with the trial, such as trained weights
     */
    record Completed(Map<String, Double> metrics, Map<String, String> attributes,
            Map<String, byte[]> artifacts) implements TrialOutcome {
        private static final long serialVersionUID = 1L;

        public Completed {
            metrics = Map.copyOf(metrics);
            attributes = Map.copyOf(attributes);
            artifacts = Map.copyOf(artifacts);
        }
    }

    /**
     * The evaluator stopped the trial early.
     *
     * @param metrics the metrics measured before it stopped
     */
    record Pruned(Map<String, Double> metrics) implements TrialOutcome {
        private static final long serialVersionUID = 1L;

        public Pruned {
            metrics = Map.copyOf(metrics);
        }
    }

    /**
     * The evaluation raised an error; the trial ends FAILED.
     *
     * @param error the error's class and message
     */
    record Failed(String error) implements TrialOutcome {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The evaluation was cut short before it finished, by a stop or a time limit; the
     * trial goes STALE and is evaluated again later.
     *
     * @param reason why it stopped
     */
    record Interrupted(String reason) implements TrialOutcome {
        private static final long serialVersionUID = 1L;
    }
}
