package io.archforge.benchmarks;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Evaluator;
import io.archforge.benchmarks.nb201.Nb201Proxies;
import io.archforge.benchmarks.nb201.Nb201Protocol;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.eval.Evaluation;
import io.archforge.proxy.ProxyScorer;
import io.archforge.storage.InMemoryStorage;
import io.archforge.strategy.Strategies;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares search strategies on NAS-Bench-201 by regret: the table's best 200-epoch
 * test accuracy minus the test accuracy of the cell that is best so far by the search
 * signal, after each trial.
 *
 * <p>Each study maximises the signal of the settings' {@link Nb201Protocol} (the test
 * accuracy itself, or the 12-epoch validation accuracy) with a strategy from
 * {@code Strategies.create} (default options), an in-memory store and the study seed
 * {@code 0 .. seeds-1}, so a run is reproducible: the rows do not depend on the
 * thread count. Studies of different seeds run in parallel on {@code threads}
 * threads; the time of ask and tell of each trial, without the look-up, is recorded
 * as well.
 */
public final class RegretBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(RegretBenchmark.class);

    private final Nb201Table table;
    private final Map<String, Function<Nb201Dataset, ProxyScorer>> extraProxies =
            new java.util.concurrent.ConcurrentHashMap<>();

    public RegretBenchmark(Nb201Table table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /**
     * The rows of every study, ordered by strategy and data set (in settings order),
     * then seed and trial, and the overhead per strategy.
     *
     * @param rows one row per study and trial
     * @param overheads one entry per strategy, in settings order
     */
    public record Result(List<RegretRow> rows, List<SearchOverhead> overheads) {

        public Result {
            rows = List.copyOf(rows);
            overheads = List.copyOf(overheads);
        }
    }

    /**
     * Runs every study of {@code settings}.
     *
     * @throws IllegalArgumentException when a strategy name is unknown
     */
    public Result run(RegretSettings settings) {
        Objects.requireNonNull(settings, "settings");
        for (String label : settings.strategies()) {
            ProxyVariant.parse(label).create(scorers(Nb201Dataset.CIFAR10));
        }
        LOG.info("Running {} NAS-Bench-201 studies of {} trials on {} threads",
                settings.studies(), settings.trials(), settings.threads());
        List<StudyRun> runs = runAll(settings);
        List<RegretRow> rows = new ArrayList<>();
        runs.forEach(run -> rows.addAll(run.rows()));
        return new Result(rows, overheads(settings, runs));
    }

    private List<StudyRun> runAll(RegretSettings settings) {
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        try {
            List<Future<StudyRun>> futures = new ArrayList<>();
            for (String strategy : settings.strategies()) {
                for (Nb201Dataset dataset : settings.datasets()) {
                    for (long seed = 0; seed < settings.seeds(); seed++) {
                        long studySeed = seed;
                        futures.add(pool.submit(() -> runStudy(strategy, dataset,
                                studySeed, settings.trials(), settings.protocol())));
                    }
                }
            }
            List<StudyRun> runs = new ArrayList<>();
            for (Future<StudyRun> future : futures) {
                runs.add(await(future));
            }
            return runs;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs one study of {@code trials} trials on the test accuracy. */
    StudyRun runStudy(String strategy, Nb201Dataset dataset, long seed, int trials) {
        return runStudy(strategy, dataset, seed, trials, Nb201Protocol.TEST);
    }

    /**
     * Runs one study of {@code trials} trials that maximises the signal of
     * {@code protocol}, and records regret after each trial.
     */
    StudyRun runStudy(String strategy, Nb201Dataset dataset, long seed, int trials,
            Nb201Protocol protocol) {
        String signal = protocol.signal();
        StudyConfig config = new StudyConfig(strategy + "-" + dataset.id() + "-" + seed,
                table.space().name(), "nb201",
                Map.of("dataset", dataset.id(), "protocol", protocol.id()), strategy,
                Map.of(), List.of(Objective.maximize(signal)), seed);
        Nb201Evaluator evaluator = new Nb201Evaluator(table, dataset, Optional.empty());
        double optimum = table.bestTestAccuracy(dataset);
        List<RegretRow> rows = new ArrayList<>(trials);
        long totalNanos = 0;
        long maxNanos = 0;
        double bestSignal = Double.NEGATIVE_INFINITY;
        double bestTest = Double.NaN;
        boolean found = false;
        try (InMemoryStorage storage = new InMemoryStorage()) {
            Study study = Study.open(storage, config, table.space(),
                    ProxyVariant.parse(strategy).create(scorers(dataset)));
            for (int t = 0; t < trials; t++) {
                long start = System.nanoTime();
                Trial trial = study.ask();
                long asked = System.nanoTime();
                Evaluation evaluation =
                        evaluator.evaluate(trial.architecture(), new TableLookupContext(trial));
                long evaluated = System.nanoTime();
                study.tell(trial, evaluation);
                long elapsed = (asked - start) + (System.nanoTime() - evaluated);
                totalNanos += elapsed;
                maxNanos = Math.max(maxNanos, elapsed);

                // The first cell with the highest signal stays the chosen one on ties.
                double value = evaluation.metrics().get(signal);
                double test = evaluation.metrics().get(Nb201Evaluator.TEST_ACCURACY);
                if (value > bestSignal) {
                    bestSignal = value;
                    bestTest = test;
                }
                found |= test >= optimum;
                rows.add(new RegretRow(strategy, dataset, seed, t + 1, bestSignal, bestTest,
                        Math.max(0, optimum - bestTest), found));
            }
        }
        return new StudyRun(strategy, rows, totalNanos, maxNanos);
    }

    /** The proxies of the tables, and any added with {@link #withProxies}, for one data set. */
    private Function<String, ProxyScorer> scorers(Nb201Dataset dataset) {
        return name -> {
            if (extraProxies.containsKey(name)) {
                return extraProxies.get(name).apply(dataset);
            }
            return Nb201Proxies.scorer(table, dataset, name);
        };
    }

    /**
     * Adds proxies beyond the tables' {@code params} and {@code flops}, such as ones
     * computed on networks, by name and data set.
     */
    public RegretBenchmark withProxies(Map<String, Function<Nb201Dataset, ProxyScorer>> proxies) {
        extraProxies.putAll(proxies);
        return this;
    }

    private static List<SearchOverhead> overheads(RegretSettings settings, List<StudyRun> runs) {
        List<SearchOverhead> overheads = new ArrayList<>();
        for (String strategy : settings.strategies()) {
            long count = 0;
            long total = 0;
            long max = 0;
            for (StudyRun run : runs) {
                if (run.strategy().equals(strategy)) {
                    count += run.rows().size();
                    total += run.totalNanos();
                    max = Math.max(max, run.maxNanos());
                }
            }
            overheads.add(new SearchOverhead(strategy, count, total / 1e3 / count, max / 1e3,
                    settings.threads()));
        }
        return overheads;
    }

    private static StudyRun await(Future<StudyRun> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("regret benchmark was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a benchmark study failed", e.getCause());
        }
    }

    /** One finished study: its rows, and the total and longest trial wall time in ns. */
    record StudyRun(String strategy, List<RegretRow> rows, long totalNanos, long maxNanos) {
    }
}
