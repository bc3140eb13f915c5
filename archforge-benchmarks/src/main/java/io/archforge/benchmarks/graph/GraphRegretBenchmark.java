package io.archforge.benchmarks.graph;

import io.archforge.benchmarks.TableLookupContext;
import io.archforge.benchmarks.tables.NasBenchGraphTable;
import io.archforge.eval.Evaluation;
import io.archforge.space.Architecture;
import io.archforge.storage.InMemoryStorage;
import io.archforge.strategy.Strategies;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares search strategies on the NAS-Bench-Graph tables by the regret of the
 * validation accuracy, the signal each study maximises, and by the test accuracy of
 * the incumbent: the architecture with the best validation accuracy so far.
 *
 * <p>Each study uses a strategy with default options, an in-memory store and the seed
 * {@code 0 .. seeds-1}, so the rows do not depend on the thread count. A trial whose
 * layers are all {@code skip}, which has no table row, is recorded as failed and
 * counts as a trial without improvement.
 */
public final class GraphRegretBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(GraphRegretBenchmark.class);

    private final Map<String, NasBenchGraphTable> tables = new LinkedHashMap<>();

    /**
     * Creates a benchmark over the tables of {@code datasets}.
     *
     * @throws IllegalArgumentException when a data set is not one of
     *     {@link NasBenchGraphTable#DATASETS}
     */
    public GraphRegretBenchmark(List<String> datasets) {
        for (String dataset : datasets) {
            tables.put(dataset, NasBenchGraphTable.load(dataset));
        }
    }

    /** Returns the table of {@code dataset}, one of the benchmark's data sets. */
    public NasBenchGraphTable table(String dataset) {
        return Objects.requireNonNull(tables.get(dataset), () -> "no table of " + dataset);
    }

    /**
     * Runs {@code seeds} studies of {@code trials} trials per strategy and data set on
     * {@code threads} threads, and returns the rows ordered by strategy, data set, seed
     * and trial.
     *
     * @throws IllegalArgumentException when a strategy name is unknown
     */
    public List<GraphRegretRow> run(List<String> strategies, int seeds, int trials,
            int threads) {
        strategies.forEach(name -> Strategies.create(name, Map.of()));
        LOG.info("Running {} NAS-Bench-Graph studies of {} trials on {} threads",
                strategies.size() * tables.size() * seeds, trials, threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<GraphRegretRow>>> futures = new ArrayList<>();
            for (String strategy : strategies) {
                for (String dataset : tables.keySet()) {
                    for (long seed = 0; seed < seeds; seed++) {
                        long studySeed = seed;
                        futures.add(pool.submit(() ->
                                runStudy(strategy, dataset, studySeed, trials)));
                    }
                }
            }
            List<GraphRegretRow> rows = new ArrayList<>();
            for (Future<List<GraphRegretRow>> future : futures) {
                rows.addAll(await(future));
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs one study and returns one row per trial. */
    List<GraphRegretRow> runStudy(String strategy, String dataset, long seed, int trials) {
        NasBenchGraphTable table = table(dataset);
        NasBenchGraphEvaluator evaluator = new NasBenchGraphEvaluator(table);
        StudyConfig config = new StudyConfig(strategy + "-" + dataset + "-" + seed,
                table.space().name(), NasBenchGraphTable.BENCHMARK,
                Map.of("dataset", dataset), strategy, Map.of(),
                List.of(Objective.maximize(NasBenchGraphEvaluator.VALID_ACCURACY)), seed);
        double optimum = 100 * bestValid(table);
        List<GraphRegretRow> rows = new ArrayList<>(trials);
        // Before the first evaluated architecture both count as 0 percent
        double bestValid = 0;
        double incumbentTest = 0;
        try (InMemoryStorage storage = new InMemoryStorage()) {
            Study study = Study.open(storage, config, table.space(),
                    Strategies.create(strategy, Map.of()));
            for (int t = 0; t < trials; t++) {
                Trial trial = study.ask();
                Architecture architecture = trial.architecture();
                if (NasBenchGraphEquivalence.isIdentity(architecture)) {
                    study.fail(trial, new IllegalArgumentException("no table row for "
                            + architecture.text()));
                } else {
                    Evaluation evaluation =
                            evaluator.evaluate(architecture, new TableLookupContext(trial));
                    study.tell(trial, evaluation);
                    double valid = evaluation.metrics().get(NasBenchGraphEvaluator.VALID_ACCURACY);
                    if (valid > bestValid) {
                        bestValid = valid;
                        incumbentTest =
                                evaluation.metrics().get(NasBenchGraphEvaluator.TEST_ACCURACY);
                    }
                }
                rows.add(new GraphRegretRow(strategy, dataset, seed, t + 1, bestValid,
                        incumbentTest, optimum - bestValid));
            }
        }
        return rows;
    }

    /** Returns the table's best validation accuracy, a fraction. */
    public static double bestValid(NasBenchGraphTable table) {
        return table.architectures().stream().mapToDouble(table::value).max().orElseThrow();
    }

    private static List<GraphRegretRow> await(Future<List<GraphRegretRow>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("graph regret benchmark was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a benchmark study failed", e.getCause());
        }
    }
}
