package io.archforge.study;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An immutable snapshot of a trial, as stored and as strategies see it.
 *
 * @param number the trial number, from 0, unique within the study and continuing across resumes
 * @param state the state when the snapshot was taken
 * @param architecture the canonical string of the evaluated architecture
 * @param seed the seed derived for this trial from the study seed
 * @param metrics final metric values by name (empty unless complete, or pruned with values)
 * @param intermediate values reported while running, in report order
 * @param attributes provenance and strategy notes, such as the data set used or the parent trial
 * @param started when the trial started
 * @param finished when it finished, or empty while it runs
 * @param error the error message of a failed trial, or empty
 */
public record FrozenTrial(
        int number,
        TrialState state,
        String architecture,
        long seed,
        Map<String, Double> metrics,
        List<IntermediateValue> intermediate,
        Map<String, String> attributes,
        Instant started,
        Optional<Instant> finished,
        Optional<String> error) {

    public FrozenTrial {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(architecture, "architecture");
        metrics = Map.copyOf(metrics);
        intermediate = List.copyOf(intermediate);
        attributes = Map.copyOf(attributes);
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(finished, "finished");
        Objects.requireNonNull(error, "error");
    }

    /** The value of {@code metric}, or empty when the trial has none. */
    public OptionalDouble metric(String metric) {
        Double value = metrics.get(metric);
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /**
     * Returns the values of {@code objectives}, each turned into one to minimise (a
     * maximised value negated), for Pareto ranking and front measures.
     */
    public double[] minimized(List<Objective> objectives) {
        double[] point = new double[objectives.size()];
        for (int i = 0; i < point.length; i++) {
            Objective objective = objectives.get(i);
            point[i] = objective.direction().toMinimized(metrics.get(objective.metric()));
        }
        return point;
    }

    /** Returns whether the trial is complete and has a value for every objective. */
    public boolean hasValues(List<Objective> objectives) {
        return state == TrialState.COMPLETE
                && objectives.stream().allMatch(o -> metrics.containsKey(o.metric()));
    }
}
