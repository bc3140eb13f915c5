package io.archforge.study;

import io.archforge.pareto.Hypervolume;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hypervolume of a study's Pareto set, in the objectives' own units.
 *
 * <p>The reference point lies beyond the worst value of each objective over the
 * study's complete full-fidelity trials (feasible ones when any are) by a tenth of that
 * objective's range, so the set's extreme points count too. When all those values are
 * equal, the margin is a tenth of the value's magnitude, and at least 0.1. Because the reference
 * point follows the trials, compare hypervolumes of studies only with a common
 * reference, as {@code bench pareto} does against the true front.
 *
 * @param hypervolume the dominated measure, the product of the objectives' units
 * @param reference the reference point, metric to value in objective order, in each
 *     objective's own direction (an accuracy stays an accuracy)
 */
public record FrontQuality(double hypervolume, Map<String, Double> reference) {

    /** The reference margin, as a share of each objective's range. */
    public static final double MARGIN = 0.1;

    public FrontQuality {
        reference = Collections.unmodifiableMap(new LinkedHashMap<>(reference));
    }

    /**
     * The quality of the Pareto set of {@code trials}, or empty with fewer than two
     * objectives or no complete trial.
     */
    public static Optional<FrontQuality> of(List<FrozenTrial> trials, List<Objective> objectives,
            List<Constraint> constraints) {
        if (objectives.size() < 2) {
            return Optional.empty();
        }
        List<FrozenTrial> complete = trials.stream()
                .filter(t -> t.hasValues(objectives) && Study.isFullFidelity(t))
                .toList();
        List<FrozenTrial> feasible = complete.stream()
                .filter(t -> Constraints.isFeasible(t, constraints))
                .toList();
        List<FrozenTrial> span = feasible.isEmpty() ? complete : feasible;
        if (span.isEmpty()) {
            return Optional.empty();
        }
        int d = objectives.size();
        double[] low = new double[d];
        double[] high = new double[d];
        Arrays.fill(low, Double.POSITIVE_INFINITY);
        Arrays.fill(high, Double.NEGATIVE_INFINITY);
        for (FrozenTrial trial : span) {
            double[] point = trial.minimized(objectives);
            for (int i = 0; i < d; i++) {
                low[i] = Math.min(low[i], point[i]);
                high[i] = Math.max(high[i], point[i]);
            }
        }
        double[] reference = new double[d];
        Map<String, Double> named = new LinkedHashMap<>();
        for (int i = 0; i < d; i++) {
            double range = high[i] - low[i];
            reference[i] = high[i] + MARGIN * (range > 0 ? range : Math.max(Math.abs(high[i]), 1));
            named.put(objectives.get(i).metric(),
                    objectives.get(i).direction().toMinimized(reference[i]));
        }
        List<double[]> front = new ArrayList<>();
        for (FrozenTrial trial : Study.paretoFrontOf(span, objectives, constraints)) {
            front.add(trial.minimized(objectives));
        }
        return Optional.of(new FrontQuality(Hypervolume.of(front, reference), named));
    }
}
