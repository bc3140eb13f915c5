package io.archforge.eval;

/**
 * A context for work outside a study: trial 0, a fixed seed, reports ignored and never
 * stopped.
 *
 * @param seed the seed returned to the evaluator
 */
record DetachedContext(long seed) implements EvaluationContext {

    @Override
    public int trialNumber() {
        return 0;
    }

    @Override
    public void report(int step, String metric, double value) {
    }

    @Override
    public boolean shouldStop() {
        return false;
    }
}
