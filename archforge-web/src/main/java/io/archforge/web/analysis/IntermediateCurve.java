package io.archforge.web.analysis;

import io.archforge.study.FrozenTrial;
import io.archforge.study.IntermediateValue;
import io.archforge.study.Objective;
import io.archforge.study.TrialState;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The values one trial reported for one metric while it ran, such as validation
 * accuracy per epoch.
 *
 * @param trial the trial number
 * @param state the trial's state
 * @param metric the metric name
 * @param points the reported values in report order
 */
public record IntermediateCurve(int trial, TrialState state, String metric,
        List<IntermediateValue> points) {

    public IntermediateCurve {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(metric, "metric");
        points = List.copyOf(points);
    }

    /** Returns one curve per trial that reported {@code metric}, in trial order. */
    public static List<IntermediateCurve> of(List<FrozenTrial> trials, String metric) {
        List<IntermediateCurve> curves = new ArrayList<>();
        for (FrozenTrial trial : trials) {
            List<IntermediateValue> points = trial.intermediate().stream()
                    .filter(v -> v.metric().equals(metric) && Double.isFinite(v.value()))
                    .toList();
            if (!points.isEmpty()) {
                curves.add(new IntermediateCurve(trial.number(), trial.state(), metric, points));
            }
        }
        return List.copyOf(curves);
    }

    /**
     * Returns the metrics any trial reported while running: those of {@code objectives}
     * first, then the rest sorted.
     */
    public static List<String> metrics(List<FrozenTrial> trials, List<Objective> objectives) {
        TreeSet<String> reported = new TreeSet<>();
        trials.forEach(t -> t.intermediate().forEach(v -> reported.add(v.metric())));
        LinkedHashSet<String> ordered = new LinkedHashSet<>();
        objectives.stream().map(Objective::metric).filter(reported::contains)
                .forEach(ordered::add);
        ordered.addAll(reported);
        return List.copyOf(ordered);
    }
}
