package io.archforge.app.cli;

import io.archforge.app.output.StudyReport;
import io.archforge.app.output.TrialViews;
import io.archforge.study.Constraint;
import io.archforge.study.FrontChoice;
import io.archforge.study.Constraints;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Study;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A preference given after the search, {@code --weight} or {@code --budget}, that picks
 * one trial of a study's Pareto set.
 */
sealed interface FrontPick {

    /** The picked trial, empty only when the set is. */
    Optional<FrozenTrial> choose(StudyReport report);

    /** Returns the preference as the text output prints it. */
    String label();

    /** Returns the text that reports the pick. */
    default String describe(StudyReport report) {
        return choose(report)
                .map(trial -> "Chosen by " + label() + ": trial " + trial.number() + " "
                        + trial.architecture() + " " + metrics(trial) + "\n")
                .orElse("Chosen by " + label() + ": no completed trial yet\n");
    }

    private static String metrics(FrozenTrial trial) {
        Map<String, String> formatted = new TreeMap<>();
        trial.metrics().forEach((key, value) -> formatted.put(key, TrialViews.number(value)));
        return formatted.toString();
    }

    /** Weights over the objectives. */
    record Weights(Map<String, Double> weights) implements FrontPick {
        @Override
        public Optional<FrozenTrial> choose(StudyReport report) {
            try {
                return FrontChoice.byWeights(report.pareto(), report.config().objectives(), weights);
            } catch (IllegalArgumentException e) {
                throw new UsageException("invalid --weight: " + e.getMessage(), e);
            }
        }

        @Override
        public String label() {
            return "weights " + weights;
        }
    }

    /** Budgets the pick must respect. */
    record Budgets(List<Constraint> budgets) implements FrontPick {
        @Override
        public Optional<FrozenTrial> choose(StudyReport report) {
            List<FrozenTrial> candidates = candidates(report);
            requireMetrics(candidates);
            return FrontChoice.byBudget(candidates, report.config().objectives(), budgets);
        }

        /**
         * Returns the trials a budget picks from: the Pareto set, or with one objective
         * every complete trial, the feasible ones when any are.
         */
        private static List<FrozenTrial> candidates(StudyReport report) {
            if (report.config().isMultiObjective()) {
                return report.pareto();
            }
            List<FrozenTrial> complete = report.trials().stream()
                    .filter(t -> t.hasValues(report.config().objectives()) && Study.isFullFidelity(t))
                    .toList();
            List<FrozenTrial> feasible = complete.stream()
                    .filter(t -> Constraints.isFeasible(t, report.config().constraints()))
                    .toList();
            return feasible.isEmpty() ? complete : feasible;
        }

        /** Checks that every candidate reports each metric a budget reads. */
        private void requireMetrics(List<FrozenTrial> candidates) {
            for (Constraint budget : budgets) {
                for (FrozenTrial trial : candidates) {
                    if (!trial.metrics().containsKey(budget.key())) {
                        throw new UsageException("invalid --budget " + budget + ": trial "
                                + trial.number() + " has no metric '" + budget.key()
                                + "'; budget one of " + new TreeSet<>(trial.metrics().keySet()));
                    }
                }
            }
        }

        /** Returns whether {@code trial} meets every budget. */
        public boolean fits(FrozenTrial trial) {
            return Constraints.violation(trial, budgets) == 0;
        }

        @Override
        public String describe(StudyReport report) {
            String text = FrontPick.super.describe(report);
            boolean missed = choose(report).map(t -> !fits(t)).orElse(false);
            return missed ? text + "No trial meets the budget, so the least-violating one is "
                    + "shown.\n" : text;
        }

        @Override
        public String label() {
            return "budget " + budgets;
        }
    }

    /**
     * Reads the options; empty when neither is given.
     *
     * @throws UsageException when both are given or a value is malformed
     */
    static Optional<FrontPick> parse(List<String> weights, List<String> budgets) {
        if (weights != null && budgets != null) {
            throw new UsageException("give --weight or --budget, not both: a weight trades the "
                    + "objectives off, a budget bounds them");
        }
        if (budgets != null) {
            return Optional.of(new Budgets(ConstraintOptions.parse(budgets, "--budget")));
        }
        if (weights == null) {
            return Optional.empty();
        }
        Map<String, Double> parsed = new LinkedHashMap<>();
        for (String text : weights) {
            int equals = text.indexOf('=');
            if (equals <= 0 || equals == text.length() - 1) {
                throw new UsageException("invalid --weight '" + text
                        + "': expected METRIC=WEIGHT, such as accuracy=0.7");
            }
            String metric = text.substring(0, equals).strip();
            try {
                double value = Double.parseDouble(text.substring(equals + 1).strip());
                if (parsed.put(metric, value) != null) {
                    throw new UsageException("--weight names " + metric + " twice; give each "
                            + "objective one weight");
                }
            } catch (NumberFormatException e) {
                throw new UsageException("invalid --weight '" + text + "': '"
                        + text.substring(equals + 1) + "' is not a number", e);
            }
        }
        return Optional.of(new Weights(parsed));
    }
}
