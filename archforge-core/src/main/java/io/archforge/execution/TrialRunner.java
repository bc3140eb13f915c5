package io.archforge.execution;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationInterruptedException;
import io.archforge.eval.Evaluator;
import io.archforge.eval.TrialPrunedException;
import io.archforge.space.SearchSpace;
import java.util.function.BooleanSupplier;

/**
 * Evaluates one {@link TrialTask} with an evaluator and turns every way it can end into
 * a {@link TrialOutcome}; shared by the executors, so a trial ends alike wherever it runs.
 */
public final class TrialRunner {

    private TrialRunner() {
    }

    /**
     * Parses the task's architecture in {@code space} and evaluates it.
     *
     * @param stop polled by the evaluator; true cuts the evaluation short
     */
    public static TrialOutcome run(SearchSpace space, Evaluator evaluator, TrialTask task,
            BooleanSupplier stop) {
        try {
            Evaluation evaluation = evaluator.evaluate(space.parse(task.architecture()),
                    new TaskContext(task, stop));
            return new TrialOutcome.Completed(evaluation.metrics(), evaluation.attributes(),
                    evaluation.artifacts());
        } catch (TrialPrunedException e) {
            return new TrialOutcome.Pruned(e.metrics());
        } catch (EvaluationInterruptedException e) {
            return new TrialOutcome.Interrupted(e.getMessage());
        } catch (RuntimeException e) {
            return new TrialOutcome.Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
