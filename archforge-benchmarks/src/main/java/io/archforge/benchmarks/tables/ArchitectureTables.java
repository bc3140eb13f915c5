package io.archforge.benchmarks.tables;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Table;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shipped {@link ArchitectureTable}s, looked up by the names given to
 * {@code --benchmark} and {@code --dataset}.
 *
 * <p>A table is loaded on its first request and cached for the life of the JVM, and
 * the three NAS-Bench-201 tables share one {@link Nb201Table}. This class is
 * thread-safe, and concurrent requests for one table load it once.
 */
public final class ArchitectureTables {

    private static final String NB101 = "nb101";
    private static final String NB301 = "nb301";
    private static final String CIFAR10 = "cifar10";

    private static final Map<String, List<String>> DATASETS = datasetsByBenchmark();
    private static final Map<String, ArchitectureTable> CACHE = new ConcurrentHashMap<>();

    private ArchitectureTables() {
    }

    private static Map<String, List<String>> datasetsByBenchmark() {
        Map<String, List<String>> datasets = new LinkedHashMap<>();
        datasets.put(NB101, List.of(CIFAR10));
        datasets.put(Nb201ArchitectureTable.BENCHMARK, Arrays.stream(Nb201Dataset.values())
                .map(Nb201Dataset::id).toList());
        datasets.put(NB301, List.of(CIFAR10));
        datasets.put(TransNas101Table.BENCHMARK, TransNas101Table.TASKS);
        datasets.put(NasBenchGraphTable.BENCHMARK, NasBenchGraphTable.DATASETS);
        return Collections.unmodifiableMap(datasets);
    }

    /** The benchmark names, in a fixed order. */
    public static List<String> benchmarks() {
        return List.copyOf(DATASETS.keySet());
    }

    /**
     * The data sets (or tasks) of {@code benchmark}, the first being the default.
     *
     * @throws IllegalArgumentException naming the benchmark and the valid ones
     */
    public static List<String> datasets(String benchmark) {
        Objects.requireNonNull(benchmark, "benchmark");
        List<String> datasets = DATASETS.get(benchmark);
        if (datasets == null) {
            throw new IllegalArgumentException("unknown benchmark '" + benchmark
                    + "'; valid benchmarks are " + String.join(", ", benchmarks()));
        }
        return datasets;
    }

    /**
     * Returns the table of {@code benchmark} on {@code dataset}, loading it on first use.
     *
     * @throws IllegalArgumentException naming the bad benchmark or data set and the valid
     *     ones
     */
    public static ArchitectureTable load(String benchmark, String dataset) {
        Objects.requireNonNull(dataset, "dataset");
        List<String> valid = datasets(benchmark);
        if (!valid.contains(dataset)) {
            throw new IllegalArgumentException("unknown data set '" + dataset + "' for benchmark '"
                    + benchmark + "'; valid data sets are " + String.join(", ", valid));
        }
        return CACHE.computeIfAbsent(benchmark + "/" + dataset,
                key -> read(benchmark, dataset));
    }

    private static ArchitectureTable read(String benchmark, String dataset) {
        return switch (benchmark) {
            case NB101 -> Nb101Table.load();
            case NB301 -> Nb301Table.load();
            case Nb201ArchitectureTable.BENCHMARK ->
                    Nb201ArchitectureTable.of(Nb201Holder.TABLE, dataset);
            case TransNas101Table.BENCHMARK -> TransNas101Table.load(dataset);
            case NasBenchGraphTable.BENCHMARK -> NasBenchGraphTable.load(dataset);
            default -> throw new IllegalStateException("benchmark '" + benchmark
                    + "' is listed without a loader");
        };
    }

    /** Loads the NAS-Bench-201 tables on first use. */
    private static final class Nb201Holder {
        static final Nb201Table TABLE = Nb201Table.load();
    }
}
