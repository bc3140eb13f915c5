package io.archforge.torch.train;

import io.archforge.eval.EvaluationContext;
import java.util.ArrayList;
import java.util.List;

/** An evaluation context that records reports and requests a stop after a number of checks. */
class RecordingContext implements EvaluationContext {
    final List<Double> reported = new ArrayList<>();
    private final long seed;
    private final int checksBeforeStop;
    private int checks;

    RecordingContext(long seed, int checksBeforeStop) {
        this.seed = seed;
        this.checksBeforeStop = checksBeforeStop;
    }

    RecordingContext(long seed) {
        this(seed, Integer.MAX_VALUE);
    }

    @Override
    public int trialNumber() {
        return 0;
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public void report(int step, String metric, double value) {
        reported.add(value);
    }

    @Override
    public boolean shouldStop() {
        checks++;
        return checks > checksBeforeStop;
    }

    int checks() {
        return checks;
    }
}
