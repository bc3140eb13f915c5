package io.archforge.predictor.prune;

/**
 * Settings of {@link LearnedPruner}.
 *
 * @param minCompleteTrials the complete trials the study needs before any candidate is
 *     judged; every candidate before that is evaluated. At least 2, the fewest a
 *     predictor fits.
 * @param refitInterval the new complete trials after which the predictors are fitted
 *     again; at least 1
 * @param maxSkipsInARow the most candidates skipped one after another; the study then
 *     evaluates the most promising of them, so the search cannot stall. At least 1.
 */
public record PruningOptions(int minCompleteTrials, int refitInterval, int maxSkipsInARow) {

    /** The default {@link #minCompleteTrials}. */
    public static final int DEFAULT_MIN_COMPLETE_TRIALS = 20;
    /** The default {@link #refitInterval}. */
    public static final int DEFAULT_REFIT_INTERVAL = 5;
    /**
     * The default {@link #maxSkipsInARow}. In 30 seeds of evolution on NAS-Bench-201
     * CIFAR-10 (seeds 1000 to 1029, risk 0.05), the pruned mean reached the unpruned
     * 150-evaluation mean after 67 evaluations with 10, 86 with 20 and 74 with 50; 100
     * skipped about 6,300 candidates per study, most of the space's 6,466 classes.
     */
    public static final int DEFAULT_MAX_SKIPS_IN_A_ROW = 10;

    public PruningOptions {
        if (minCompleteTrials < 2) {
            throw new IllegalArgumentException("pruning needs at least 2 complete trials before "
                    + "it starts, got " + minCompleteTrials);
        }
        if (refitInterval < 1) {
            throw new IllegalArgumentException("pruning refit interval must be at least 1 "
                    + "complete trial, got " + refitInterval);
        }
        if (maxSkipsInARow < 1) {
            throw new IllegalArgumentException("pruning must allow at least 1 skip in a row, "
                    + "got " + maxSkipsInARow);
        }
    }

    /** Starts after 20 complete trials, refits every 5, and skips at most 10 in a row. */
    public static PruningOptions defaults() {
        return new PruningOptions(DEFAULT_MIN_COMPLETE_TRIALS, DEFAULT_REFIT_INTERVAL,
                DEFAULT_MAX_SKIPS_IN_A_ROW);
    }

    /** These options with {@code minCompleteTrials} in place of the current value. */
    public PruningOptions withMinCompleteTrials(int minCompleteTrials) {
        return new PruningOptions(minCompleteTrials, refitInterval, maxSkipsInARow);
    }
}
