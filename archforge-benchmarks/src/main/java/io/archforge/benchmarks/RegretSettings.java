package io.archforge.benchmarks;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Protocol;
import java.util.List;
import java.util.Objects;

/**
 * The studies of a {@link RegretBenchmark}: every strategy on every data set with seeds
 * {@code 0} to {@code seeds - 1}, each study for {@code trials} trials.
 *
 * @param strategies strategy names known to {@code Strategies.create}, without repeats
 * @param datasets the data sets, without repeats
 * @param seeds the number of seeds per strategy and data set, at least 1
 * @param trials the trials per study, at least 1
 * @param threads how many studies run at once, at least 1
 * @param protocol the metric the studies search on
 */
public record RegretSettings(List<String> strategies, List<Nb201Dataset> datasets, int seeds,
        int trials, int threads, Nb201Protocol protocol) {

    public RegretSettings {
        strategies = List.copyOf(strategies);
        datasets = List.copyOf(datasets);
        SettingsChecks.requireDistinct("strategies", strategies);
        SettingsChecks.requireDistinct("datasets", datasets);
        SettingsChecks.requireAtLeastOne("seeds", seeds);
        SettingsChecks.requireAtLeastOne("trials", trials);
        SettingsChecks.requireAtLeastOne("threads", threads);
        Objects.requireNonNull(protocol, "protocol");
    }

    /** Settings of studies that search on the 200-epoch test accuracy. */
    public RegretSettings(List<String> strategies, List<Nb201Dataset> datasets, int seeds,
            int trials, int threads) {
        this(strategies, datasets, seeds, trials, threads, Nb201Protocol.TEST);
    }

    /** The number of studies the benchmark runs. */
    public int studies() {
        return strategies.size() * datasets.size() * seeds;
    }
}
