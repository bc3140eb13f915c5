package io.archforge.benchmarks.transfer;

import java.util.List;
import java.util.Objects;

/**
 * The runs of the transfer benchmark: for each pair, strategy, variant and seed, one
 * source study of {@code sourceTrials} trials (evolution) and one target study of up to
 * {@code maxTrials} trials, which stops once its best cell is within {@code tolerance}
 * points of the target table's best test accuracy.
 *
 * @param pairs the source and target data sets
 * @param strategies the target studies' strategies
 * @param variants cold, warm, misleading and both
 * @param seeds seeds 0 to seeds-1
 * @param sourceTrials trials of each source study
 * @param maxTrials the most trials of a target study; a study that never gets near the
 *     optimum counts this many
 * @param tolerance how close to the optimum counts as reached, in accuracy points
 * @param threads studies run at once
 */
public record TransferSettings(List<TransferPair> pairs, List<String> strategies,
        List<TransferVariant> variants, int seeds, int sourceTrials, int maxTrials,
        double tolerance, int threads) {

    public TransferSettings {
        pairs = List.copyOf(pairs);
        strategies = List.copyOf(strategies);
        variants = List.copyOf(variants);
        Objects.requireNonNull(pairs, "pairs");
        if (pairs.isEmpty() || strategies.isEmpty() || variants.isEmpty()) {
            throw new IllegalArgumentException("the transfer benchmark needs a pair, a "
                    + "strategy and a variant");
        }
        if (seeds < 1 || sourceTrials < 2 || maxTrials < 1 || threads < 1) {
            throw new IllegalArgumentException("seeds, max trials and threads must be at "
                    + "least 1 and source trials at least 2; got " + seeds + ", " + maxTrials
                    + ", " + threads + " and " + sourceTrials);
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance " + tolerance + " must be 0 or more");
        }
    }
}
