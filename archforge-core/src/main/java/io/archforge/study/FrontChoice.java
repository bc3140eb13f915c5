package io.archforge.study;

import io.archforge.pareto.ObjectiveScale;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Picks one trial of a Pareto set after the search, by a preference the user gives
 * then: weights over the objectives, or budgets the pick must respect. One search thus
 * serves many preferences.
 */
public final class FrontChoice {

    private FrontChoice() {
    }

    /**
     * Returns the trial of {@code front} closest to the weighted ideal point. Each
     * objective is scaled to [0, 1] over the front (best 0), and the pick minimises the
     * largest weighted scaled value, the weighted Chebyshev distance to the front's ideal
     * point. Ties go to the weighted sum and then the lower trial number. A metric left
     * out of {@code weights} weighs 0.
     *
     * @throws IllegalArgumentException when a weight names no objective, is negative or
     *     not finite, or all weights are 0
     */
    public static Optional<FrozenTrial> byWeights(List<FrozenTrial> front,
            List<Objective> objectives, Map<String, Double> weights) {
        double[] w = weightVector(objectives, weights);
        if (front.isEmpty()) {
            return Optional.empty();
        }
        List<double[]> points = new ArrayList<>();
        for (FrozenTrial trial : front) {
            points.add(trial.minimized(objectives));
        }
        ObjectiveScale scale = ObjectiveScale.spanning(points);
        int best = 0;
        double[] bestScore = null;
        for (int k = 0; k < front.size(); k++) {
            double[] scaled = scale.apply(points.get(k));
            double worst = 0;
            double sum = 0;
            for (int i = 0; i < scaled.length; i++) {
                worst = Math.max(worst, w[i] * scaled[i]);
                sum += w[i] * scaled[i];
            }
            double[] score = {worst, sum};
            if (bestScore == null || score[0] < bestScore[0]
                    || score[0] == bestScore[0] && score[1] < bestScore[1]
                    || score[0] == bestScore[0] && score[1] == bestScore[1]
                            && front.get(k).number() < front.get(best).number()) {
                best = k;
                bestScore = score;
            }
        }
        return Optional.of(front.get(best));
    }

    /**
     * Returns the trial of {@code front} best on the first objective among those within every
     * budget; when none is, the one of least total violation. Empty only when the front
     * is.
     */
    public static Optional<FrozenTrial> byBudget(List<FrozenTrial> front,
            List<Objective> objectives, List<Constraint> budgets) {
        Objective primary = objectives.get(0);
        return front.stream().min(Comparator
                .comparingDouble((FrozenTrial t) -> Constraints.violation(t, budgets))
                .thenComparingDouble(t -> primary.direction().toMinimized(
                        t.metrics().get(primary.metric())))
                .thenComparingInt(FrozenTrial::number));
    }

    private static double[] weightVector(List<Objective> objectives, Map<String, Double> weights) {
        TreeSet<String> unknown = new TreeSet<>(weights.keySet());
        objectives.forEach(o -> unknown.remove(o.metric()));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("weights name " + unknown
                    + ", which are not objectives of the study; weigh "
                    + objectives.stream().map(Objective::metric).toList());
        }
        double[] w = new double[objectives.size()];
        double total = 0;
        for (int i = 0; i < w.length; i++) {
            String metric = objectives.get(i).metric();
            double value = weights.getOrDefault(metric, 0.0);
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("weight of " + metric + " must be a finite"
                        + " number of at least 0, got " + value);
            }
            w[i] = value;
            total += value;
        }
        if (total == 0) {
            throw new IllegalArgumentException("all weights are 0; give at least one"
                    + " objective a positive weight, such as accuracy=1");
        }
        return w;
    }
}
