package io.archforge.eval;

import java.util.Map;

/**
 * Thrown by an evaluator that stopped because {@link EvaluationContext#shouldPrune()}
 * became true. The trial ends PRUNED with the metrics measured so far.
 */
public final class TrialPrunedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int step;
    private final transient Map<String, Double> metrics;

    /**
     * @param step the step of the last reported value
     * @param metrics the values measured up to that step, including what it cost
     */
    public TrialPrunedException(int step, Map<String, Double> metrics) {
        super("pruned at step " + step);
        this.step = step;
        this.metrics = Map.copyOf(metrics);
    }

    /** Returns the step of the last reported value. */
    public int step() {
        return step;
    }

    /** Returns the values measured up to {@link #step()}. */
    public Map<String, Double> metrics() {
        return metrics;
    }
}
