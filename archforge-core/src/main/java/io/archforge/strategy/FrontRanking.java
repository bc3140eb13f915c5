package io.archforge.strategy;

import io.archforge.pareto.ParetoRanking;
import io.archforge.study.Constraint;
import io.archforge.study.Constraints;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import java.util.ArrayList;
import java.util.List;

/**
 * Trials ranked as NSGA-II ranks them (Deb, Pratap, Agarwal and Meyarivan, "A Fast and
 * Elitist Multiobjective Genetic Algorithm: NSGA-II", IEEE TEC 2002): by constrained
 * non-dominated front, then by crowding distance within the front. With one objective
 * the front order is the value order and ties go to the lower trial number.
 *
 * @param trials the ranked trials, each with every objective's value
 * @param ranks the front of each trial, 0 the best
 * @param crowding the crowding distance of each trial in its front
 */
public record FrontRanking(List<FrozenTrial> trials, int[] ranks, double[] crowding) {

    /** Ranks {@code trials}, which must all have every objective's value. */
    public static FrontRanking of(List<FrozenTrial> trials, List<Objective> objectives,
            List<Constraint> constraints) {
        List<double[]> points = new ArrayList<>(trials.size());
        double[] violations = new double[trials.size()];
        for (int i = 0; i < trials.size(); i++) {
            points.add(minimized(trials.get(i), objectives));
            violations[i] = Constraints.violation(trials.get(i), constraints);
        }
        int[] ranks = ParetoRanking.constrainedRanks(points, violations);
        // One objective: ties in value stay ties, broken by trial number alone.
        double[] crowding = objectives.size() == 1 ? new double[trials.size()]
                : ParetoRanking.crowdingDistances(points, ranks);
        return new FrontRanking(List.copyOf(trials), ranks, crowding);
    }

    /** Returns the objective vector of {@code trial}, every objective turned into one to minimise. */
    public static double[] minimized(FrozenTrial trial, List<Objective> objectives) {
        return trial.minimized(objectives);
    }

    /**
     * Returns whether trial {@code a} ranks before trial {@code b}: a lower front, then a
     * larger crowding distance, then the lower trial number.
     */
    public boolean before(int a, int b) {
        if (ranks[a] != ranks[b]) {
            return ranks[a] < ranks[b];
        }
        if (crowding[a] != crowding[b]) {
            return crowding[a] > crowding[b];
        }
        return trials.get(a).number() < trials.get(b).number();
    }

    /** Returns the positions of the trials, best first under {@link #before}. */
    public List<Integer> order() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < trials.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> a.equals(b) ? 0 : before(a, b) ? -1 : 1);
        return order;
    }
}
