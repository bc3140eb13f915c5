package io.archforge.spark;

import io.archforge.execution.EvaluationRecipe;
import io.archforge.execution.TrialOutcome;
import io.archforge.execution.TrialRunner;
import io.archforge.execution.TrialTask;
import java.util.Objects;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates one trial inside a Spark task, with the space and an evaluator of this
 * executor's {@link EvaluatorPool}. An evaluation error, an exhausted heap or a stack
 * overflow becomes a {@link TrialOutcome.Failed} outcome, as {@link TrialRunner} maps
 * it. Other {@link Error}s escape (as does a failure to build the evaluator), and Spark
 * then runs the task again, which gives the same result because trials are
 * deterministic.
 */
final class TrialFunction implements Function<TrialTask, TrialOutcome> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TrialFunction.class);

    private final EvaluationRecipe recipe;

    TrialFunction(EvaluationRecipe recipe) {
        this.recipe = Objects.requireNonNull(recipe, "recipe");
    }

    @Override
    public TrialOutcome call(TrialTask task) {
        TaskContext context = TaskContext.get();
        if (context.attemptNumber() > 0) {
            LOG.warn("Trial {} of study '{}': attempt {} after a failed one", task.number(),
                    task.study(), context.attemptNumber() + 1);
        }
        EvaluatorPool.Lease lease = EvaluatorPool.borrow(recipe);
        TrialOutcome outcome;
        try {
            // Spark marks the task interrupted when its job is cancelled or the context stops.
            outcome = TrialRunner.run(lease.space(), lease.evaluator(), task,
                    context::isInterrupted);
        } catch (RuntimeException | Error e) {
            lease.discard();
            throw e;
        }
        lease.release();
        return outcome;
    }
}
