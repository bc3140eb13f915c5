package io.archforge.benchmarks.transfer;

import java.util.List;
import java.util.Map;

/**
 * One target study of the transfer benchmark.
 *
 * @param pair the source and target data sets
 * @param strategy the target study's strategy
 * @param variant what it learnt from
 * @param seed the seed of the target study; its source studies used {@code 1000 + seed}
 * @param trials the trials until the best cell was within the tolerance of the optimum,
 *     or the maximum when it never was
 * @param reached whether it got within the tolerance
 * @param bestAccuracy the best test accuracy found
 * @param weights each source study's weight at the end, by label ({@code source} or
 *     {@code misleading})
 * @param regret the optimum minus the best test accuracy after each trial, trial 1 first
 */
public record TransferRun(TransferPair pair, String strategy, TransferVariant variant,
        long seed, int trials, boolean reached, double bestAccuracy,
        Map<String, Double> weights, List<Double> regret) {

    public TransferRun {
        weights = Map.copyOf(weights);
        regret = List.copyOf(regret);
    }

    /** Returns the regret after {@code trial} trials, or after the last one when it stopped earlier. */
    public double regretAfter(int trial) {
        return regret.get(Math.min(trial, regret.size()) - 1);
    }
}
