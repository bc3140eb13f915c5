package io.archforge.torch.supernet;

import io.archforge.eval.EvaluationContext;

/** An evaluation context that requests a stop after a number of checks. */
final class TestContext implements EvaluationContext {

    private final int checksBeforeStop;
    private int checks;

    TestContext(int checksBeforeStop) {
        this.checksBeforeStop = checksBeforeStop;
    }

    TestContext() {
        this(Integer.MAX_VALUE);
    }

    @Override
    public int trialNumber() {
        return 0;
    }

    @Override
    public long seed() {
        return 0;
    }

    @Override
    public void report(int step, String metric, double value) {
    }

    @Override
    public boolean shouldStop() {
        checks++;
        return checks > checksBeforeStop;
    }
}
