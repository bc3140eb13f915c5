package io.archforge.benchmarks.pareto;

import io.archforge.benchmarks.SettingsChecks;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import java.util.ArrayList;
import java.util.List;

/**
 * The studies of a {@link ParetoBenchmark}: every strategy on every data set with seeds
 * {@code 0} to {@code seeds - 1}, each study for {@code trials} trials and measured
 * after each checkpoint.
 *
 * @param datasets the data sets, without repeats
 * @param strategies names out of {@link ParetoBenchmark#STRATEGIES}, without repeats
 * @param seeds the number of seeds per strategy and data set, at least 1
 * @param trials the trials per study, at least 1
 * @param threads how many studies run at once, at least 1
 * @param checkpoints the trial counts after which the study's Pareto set is measured,
 *     strictly increasing, from 1 to {@code trials}, the last one {@code trials}
 */
public record ParetoSettings(List<Nb201Dataset> datasets, List<String> strategies, int seeds,
        int trials, int threads, List<Integer> checkpoints) {

    /** The spacing of the default checkpoints, in trials. */
    public static final int CHECKPOINT_STEP = 10;

    public ParetoSettings {
        datasets = List.copyOf(datasets);
        strategies = List.copyOf(strategies);
        checkpoints = List.copyOf(checkpoints);
        SettingsChecks.requireDistinct("data sets", datasets);
        SettingsChecks.requireDistinct("strategies", strategies);
        for (String strategy : strategies) {
            ParetoBenchmark.requireStrategy(strategy);
        }
        SettingsChecks.requireAtLeastOne("seeds", seeds);
        SettingsChecks.requireAtLeastOne("trials", trials);
        SettingsChecks.requireAtLeastOne("threads", threads);
        requireCheckpoints(checkpoints, trials);
    }

    /** Settings measured every {@value #CHECKPOINT_STEP} trials and after the last one. */
    public ParetoSettings(List<Nb201Dataset> datasets, List<String> strategies, int seeds,
            int trials, int threads) {
        this(datasets, strategies, seeds, trials, threads, defaultCheckpoints(trials));
    }

    /** Multiples of {@value #CHECKPOINT_STEP} below {@code trials}, then {@code trials}. */
    public static List<Integer> defaultCheckpoints(int trials) {
        List<Integer> checkpoints = new ArrayList<>();
        for (int t = CHECKPOINT_STEP; t < trials; t += CHECKPOINT_STEP) {
            checkpoints.add(t);
        }
        checkpoints.add(trials);
        return checkpoints;
    }

    /** Returns the number of studies the benchmark runs. */
    public int studies() {
        return datasets.size() * strategies.size() * seeds;
    }

    private static void requireCheckpoints(List<Integer> checkpoints, int trials) {
        if (checkpoints.isEmpty() || checkpoints.get(checkpoints.size() - 1) != trials) {
            throw new IllegalArgumentException("benchmark checkpoints " + checkpoints
                    + " must end at the trial count " + trials);
        }
        int previous = 0;
        for (int checkpoint : checkpoints) {
            if (checkpoint <= previous) {
                throw new IllegalArgumentException("benchmark checkpoints " + checkpoints
                        + " must be positive and strictly increasing");
            }
            previous = checkpoint;
        }
    }
}
