package io.archforge.web.analysis;

import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import java.util.ArrayList;
import java.util.List;

/** The value of one objective per complete trial, and the best value so far. */
public final class OptimizationHistory {

    private OptimizationHistory() {
    }

    /**
     * Returns one point per trial of {@code complete} that has a finite value of the
     * objective, in trial number order; {@code best} follows the objective's direction.
     */
    public static List<HistoryPoint> of(List<FrozenTrial> complete, Objective objective) {
        List<FrozenTrial> sorted = complete.stream()
                .filter(t -> Double.isFinite(t.metric(objective.metric()).orElse(Double.NaN)))
                .sorted((a, b) -> Integer.compare(a.number(), b.number()))
                .toList();
        List<HistoryPoint> points = new ArrayList<>(sorted.size());
        double best = Double.NaN;
        for (FrozenTrial trial : sorted) {
            double value = trial.metrics().get(objective.metric());
            if (points.isEmpty() || objective.direction().better(value, best)) {
                best = value;
            }
            points.add(new HistoryPoint(trial.number(), value, best));
        }
        return List.copyOf(points);
    }
}
