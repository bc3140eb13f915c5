package io.archforge.app.setup;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.EvaluationInterruptedException;
import io.archforge.eval.Evaluator;
import io.archforge.eval.ForwardingEvaluator;
import io.archforge.space.Architecture;
import java.time.Duration;

/**
 * A table look-up that takes time: waits a fixed duration before each evaluation, in
 * short steps that honour a stop request, so that a tabular search behaves like
 * training against the wall clock. It serves to try workers, executors and stale-trial
 * recovery on a benchmark without training; the metrics are those of the table.
 */
final class DelayedEvaluator extends ForwardingEvaluator {

    private static final long STEP_MILLIS = 50;

    private final Duration delay;

    DelayedEvaluator(Evaluator delegate, Duration delay) {
        super(delegate);
        this.delay = delay;
    }

    @Override
    public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
        long end = System.nanoTime() + delay.toNanos();
        while (System.nanoTime() < end) {
            if (context.shouldStop()) {
                throw new EvaluationInterruptedException("stopped during the trial delay");
            }
            long left = (end - System.nanoTime()) / 1_000_000;
            try {
                Thread.sleep(Math.max(1, Math.min(STEP_MILLIS, left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EvaluationInterruptedException("interrupted during the trial delay");
            }
        }
        return delegate().evaluate(architecture, context);
    }
}
