package io.archforge.benchmarks.pruning;

import io.archforge.benchmarks.SettingsChecks;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.predictor.PredictorFactory;
import io.archforge.predictor.prune.PruningOptions;
import java.util.List;
import java.util.Objects;

/**
 * The studies of a {@link PruningBenchmark}: every strategy on every data set with seeds
 * {@code firstSeed} to {@code firstSeed + seeds - 1}, each once without and once with
 * learned pruning, for {@code trials} evaluations.
 *
 * @param strategies strategy names known to {@code Strategies.create}, without repeats
 * @param datasets the data sets, without repeats
 * @param seeds the number of seeds per strategy and data set, at least 1
 * @param firstSeed the first study seed, so that settings can be chosen on other seeds
 *     than those reported
 * @param trials the evaluations per study, at least 1
 * @param threads how many studies run at once, at least 1
 * @param risk the pruner's risk level, between 0 and 1, both excluded
 * @param predictorName the name of the pruner's predictor, for reports
 * @param predictor creates the pruner's predictors
 * @param options when the pruner starts, how often it refits, how many skips in a row
 */
public record PruningSettings(List<String> strategies, List<Nb201Dataset> datasets, int seeds,
        long firstSeed, int trials, int threads, double risk, String predictorName,
        PredictorFactory predictor, PruningOptions options) {

    public PruningSettings {
        strategies = List.copyOf(strategies);
        datasets = List.copyOf(datasets);
        SettingsChecks.requireDistinct("strategies", strategies);
        SettingsChecks.requireDistinct("datasets", datasets);
        SettingsChecks.requireAtLeastOne("seeds", seeds);
        SettingsChecks.requireAtLeastOne("trials", trials);
        SettingsChecks.requireAtLeastOne("threads", threads);
        if (!(risk > 0 && risk < 1)) {
            throw new IllegalArgumentException("pruning risk must be between 0 and 1, both "
                    + "excluded, got " + risk);
        }
        Objects.requireNonNull(predictorName, "predictorName");
        Objects.requireNonNull(predictor, "predictor");
        Objects.requireNonNull(options, "options");
    }

    /** Returns the number of studies the benchmark runs, both arms counted. */
    public int studies() {
        return 2 * strategies.size() * datasets.size() * seeds;
    }
}
