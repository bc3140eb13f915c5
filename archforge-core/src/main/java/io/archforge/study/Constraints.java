package io.archforge.study;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Total violation and consistency of a study's constraints. */
public final class Constraints {

    private Constraints() {
    }

    /**
     * Returns the total violation of {@code trial}: the sum of each constraint's
     * {@link Constraint#violation}, 0 when every bound holds, positive infinity when the
     * trial lacks a constrained metric.
     */
    public static double violation(FrozenTrial trial, List<Constraint> constraints) {
        return violation(trial.metrics(), constraints);
    }

    /** Returns the total violation of a trial with these metrics. */
    public static double violation(Map<String, Double> metrics, List<Constraint> constraints) {
        double total = 0;
        for (Constraint constraint : constraints) {
            Double value = metrics.get(constraint.key());
            total += value == null ? Double.POSITIVE_INFINITY : constraint.violation(value);
        }
        return total;
    }

    /** Returns whether every bound holds for {@code trial}. */
    public static boolean isFeasible(FrozenTrial trial, List<Constraint> constraints) {
        return violation(trial, constraints) == 0;
    }

    /**
     * Checks that some value can meet all constraints on each metric together: an upper
     * bound below a lower bound on the same metric and device leaves no feasible trial.
     *
     * @throws IllegalArgumentException naming the two contradicting constraints
     */
    public static void checkConsistent(List<Constraint> constraints) {
        Map<String, Constraint> lowest = new HashMap<>();
        Map<String, Constraint> highest = new HashMap<>();
        for (Constraint constraint : constraints) {
            if (constraint.relation() == Constraint.Relation.AT_MOST) {
                lowest.merge(constraint.key(), constraint,
                        (a, b) -> a.bound() <= b.bound() ? a : b);
            } else {
                highest.merge(constraint.key(), constraint,
                        (a, b) -> a.bound() >= b.bound() ? a : b);
            }
        }
        for (Map.Entry<String, Constraint> upper : lowest.entrySet()) {
            Constraint lower = highest.get(upper.getKey());
            if (lower != null && lower.bound() > upper.getValue().bound()) {
                throw new IllegalArgumentException("contradictory constraints " + lower + " and "
                        + upper.getValue() + ": no value of " + upper.getKey()
                        + " meets both; loosen one of them");
            }
        }
    }
}
