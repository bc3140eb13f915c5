package io.archforge.eval.cache;

import io.archforge.eval.EvaluationContext;
import io.archforge.fidelity.Fidelity;
import java.util.Optional;

/** An evaluation context with a fixed seed and fidelity that never asks to stop. */
record FixedContext(long seed, Optional<Fidelity> fidelity) implements EvaluationContext {

    FixedContext(long seed) {
        this(seed, Optional.empty());
    }

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
