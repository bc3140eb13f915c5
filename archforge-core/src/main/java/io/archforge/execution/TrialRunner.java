package io.archforge.execution;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationFailures;
import io.archforge.eval.EvaluationInterruptedException;
import io.archforge.eval.Evaluator;
import io.archforge.eval.TrialPrunedException;
import io.archforge.space.SearchSpace;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Evaluates one {@link TrialTask} with an evaluator and turns every way it can end into
 * a {@link TrialOutcome}; shared by the executors, so a trial ends alike wherever it runs.
 * An exception, an {@link OutOfMemoryError} or a {@link StackOverflowError} fails the
 * trial with the reason {@link EvaluationFailures#reason} gives. Any other {@link Error}
 * propagates as a crash of the task, which a cluster executor may run again.
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
        return run(space, evaluator, task, stop, error -> { });
    }

    /**
     * Evaluates as {@link #run(SearchSpace, Evaluator, TrialTask, BooleanSupplier)} does,
     * and passes the error of a FAILED outcome to {@code onFailure}.
     */
    static TrialOutcome run(SearchSpace space, Evaluator evaluator, TrialTask task,
            BooleanSupplier stop, Consumer<Throwable> onFailure) {
        try {
            Evaluation evaluation = evaluator.evaluate(space.parse(task.architecture()),
                    new TaskContext(task, stop));
            return new TrialOutcome.Completed(evaluation.metrics(), evaluation.attributes(),
                    evaluation.artifacts());
        } catch (TrialPrunedException e) {
            return new TrialOutcome.Pruned(e.metrics());
        } catch (EvaluationInterruptedException e) {
            return new TrialOutcome.Interrupted(e.getMessage());
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // The evaluation's references went with its stack, so the heap has recovered
            // from an OutOfMemoryError by now.
            onFailure.accept(e);
            return new TrialOutcome.Failed(EvaluationFailures.reason(e));
        }
    }
}
