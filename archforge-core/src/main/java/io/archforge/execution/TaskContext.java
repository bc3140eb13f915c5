package io.archforge.execution;

import io.archforge.eval.EvaluationContext;
import io.archforge.fidelity.Fidelity;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The context of a trial evaluated away from its study: the task's number, seed and
 * fidelity. Intermediate values are not reported back, and the evaluation stops once
 * {@code stop} returns true.
 */
record TaskContext(TrialTask task, BooleanSupplier stop) implements EvaluationContext {

    @Override
    public int trialNumber() {
        return task.number();
    }

    @Override
    public long seed() {
        return task.seed();
    }

    @Override
    public Optional<Fidelity> fidelity() {
        return Optional.ofNullable(task.attributes().get(Fidelity.ATTRIBUTE)).map(Fidelity::parse);
    }

    @Override
    public void report(int step, String metric, double value) {
    }

    @Override
    public boolean shouldStop() {
        return stop.getAsBoolean();
    }
}
