package io.archforge.schedule;

import io.archforge.fidelity.Fidelity;
import io.archforge.study.FrozenTrial;
import io.archforge.study.IntermediateValue;
import io.archforge.study.Objective;
import io.archforge.study.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-made trials for scheduler tests: results at rungs, and learning curves. */
final class Curves {

    static final List<Fidelity> THREE_RUNGS =
            List.of(Fidelity.epochs(1), Fidelity.epochs(3), Fidelity.epochs(9));
    static final List<Objective> ACCURACY = List.of(Objective.maximize("accuracy"));

    private final List<FrozenTrial> trials = new ArrayList<>();

    /** Adds a finished trial with {@code accuracy} at {@code rung} of {@code bracket}. */
    FrozenTrial result(int bracket, int rung, double accuracy) {
        return add(bracket, rung, TrialState.COMPLETE, Map.of("accuracy", accuracy), null);
    }

    /** Adds a finished trial with several metric values. */
    FrozenTrial result(int bracket, int rung, Map<String, Double> metrics) {
        return add(bracket, rung, TrialState.COMPLETE, metrics, null);
    }

    /** Adds a trial still running at {@code rung}. */
    FrozenTrial running(int bracket, int rung) {
        return add(bracket, rung, TrialState.RUNNING, Map.of(), null);
    }

    /** Adds a trial that a killed process left STALE. */
    FrozenTrial stale(int bracket, int rung) {
        return add(bracket, rung, TrialState.STALE, Map.of(), null);
    }

    /** Adds a finished promotion of {@code source}. */
    FrozenTrial promotion(FrozenTrial source, int bracket, int rung, double accuracy) {
        return add(bracket, rung, TrialState.COMPLETE, Map.of("accuracy", accuracy), source.number());
    }

    private FrozenTrial add(int bracket, int rung, TrialState state, Map<String, Double> metrics,
            Integer promotedFrom) {
        Map<String, String> attributes = new HashMap<>();
        attributes.put(RungScheduler.BRACKET, Integer.toString(bracket));
        attributes.put(RungScheduler.RUNG, Integer.toString(rung));
        if (promotedFrom != null) {
            attributes.put(RungScheduler.PROMOTED_FROM, Integer.toString(promotedFrom));
        }
        FrozenTrial trial = new FrozenTrial(trials.size(), state, "arch-" + trials.size(), 0,
                metrics, List.of(), attributes, Instant.EPOCH,
                state.isFinished() ? Optional.of(Instant.EPOCH) : Optional.empty(), Optional.empty());
        trials.add(trial);
        return trial;
    }

    RungState state() {
        return new RungState(THREE_RUNGS, trials, ACCURACY);
    }

    RungState state(List<Objective> objectives) {
        return new RungState(THREE_RUNGS, trials, objectives);
    }

    /** A finished trial that reported {@code values} at steps 1, 2, ... as accuracy. */
    static FrozenTrial curve(int number, double... values) {
        List<IntermediateValue> reported = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            reported.add(new IntermediateValue(i + 1, "accuracy", values[i]));
        }
        return new FrozenTrial(number, TrialState.COMPLETE, "arch-" + number, 0,
                Map.of("accuracy", values[values.length - 1]), reported, Map.of(), Instant.EPOCH,
                Optional.of(Instant.EPOCH), Optional.empty());
    }

    /** The values of a running trial's curve. */
    static List<IntermediateValue> reported(double... values) {
        return curve(-1, values).intermediate();
    }
}
