package io.archforge.app.cli;

import io.archforge.storage.Storage;
import io.archforge.study.Budget;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The budget of a study, stored as study attributes so that a {@code worker} given
 * only the store and the study name runs it to the same end: {@value #TRIALS} (finished
 * trials in all) and {@value #EPOCHS} (training epochs in all). A new study stores its
 * whole budget; a later run stores what it gives explicitly. A time limit belongs to one
 * run, so it is not stored: each worker takes its own.
 */
final class StudyBudgets {

    static final String TRIALS = "budget.trials";
    static final String EPOCHS = "budget.epochs";

    private StudyBudgets() {
    }

    /** Stores the budget of this run's plan with the study. */
    static void store(Storage storage, String study, StudyPlan plan, SearchOptions options) {
        Budget budget = plan.budget();
        boolean created = !plan.resumed();
        if (budget.totalTrials().isPresent() && (created || options.trials != null)) {
            storage.setStudyAttribute(study, TRIALS,
                    Integer.toString(budget.totalTrials().getAsInt()));
        }
        if (budget.costLimit().isPresent() && (created || options.budgetEpochs != null)) {
            storage.setStudyAttribute(study, EPOCHS,
                    Double.toString(budget.costLimit().getAsDouble()));
        }
    }

    /**
     * The stored budget: finished trials and training epochs in all, each empty when the
     * study has none.
     *
     * @param trials finished trials in all
     * @param epochs training epochs in all
     */
    record Stored(OptionalInt trials, OptionalDouble epochs) {
    }

    /** Reads the budget stored in a study's attributes. */
    static Stored load(Map<String, String> attributes) {
        OptionalInt trials = Optional.ofNullable(attributes.get(TRIALS)).map(Integer::parseInt)
                .map(OptionalInt::of).orElse(OptionalInt.empty());
        OptionalDouble epochs = Optional.ofNullable(attributes.get(EPOCHS))
                .map(Double::parseDouble).map(OptionalDouble::of).orElse(OptionalDouble.empty());
        return new Stored(trials, epochs);
    }
}
