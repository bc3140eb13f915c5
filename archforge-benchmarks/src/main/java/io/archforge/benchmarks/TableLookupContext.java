package io.archforge.benchmarks;

import io.archforge.eval.EvaluationContext;
import io.archforge.study.Trial;

/**
 * The context of a table look-up for one trial: it carries the trial's number and
 * seed, ignores reports and never requests that the evaluation stop.
 *
 * @param trial the trial being evaluated
 */
public record TableLookupContext(Trial trial) implements EvaluationContext {

    @Override
    public int trialNumber() {
        return trial.number();
    }

    @Override
    public long seed() {
        return trial.seed();
    }

    @Override
    public void report(int step, String metric, double value) {
        // A look-up has no intermediate values.
    }

    @Override
    public boolean shouldStop() {
        return false;
    }
}
