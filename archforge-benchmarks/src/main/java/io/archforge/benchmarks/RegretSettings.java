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
        requireDistinct("strategies", strategies);
        requireDistinct("datasets", datasets);
        requireAtLeastOne("seeds", seeds);
        requireAtLeastOne("trials", trials);
        requireAtLeastOne("threads", threads);
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

    private static void requireDistinct(String name, List<?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("benchmark " + name + " list is empty; name one");
        }
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException("benchmark " + name + " repeat a value: "
                    + values);
        }
    }

    private static void requireAtLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("benchmark " + name + " must be >= 1, got "
                    + value);
        }
    }
}
