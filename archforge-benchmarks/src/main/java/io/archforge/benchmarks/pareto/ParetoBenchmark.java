package io.archforge.benchmarks.pareto;

import io.archforge.benchmarks.TableLookupContext;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Evaluator;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.eval.Evaluation;
import io.archforge.storage.InMemoryStorage;
import io.archforge.strategy.Strategies;
import io.archforge.strategy.Strategy;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.Trial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures how well multi-objective strategies recover the Pareto front of
 * NAS-Bench-201 for test accuracy (maximised) against FLOPs (minimised).
 *
 * <p>Each study runs one strategy from {@code Strategies.create} (default options) on
 * one data set with an in-memory store and study seed {@code 0 .. seeds-1}, by ask and
 * tell with {@link Nb201Evaluator}. After each checkpoint the study's Pareto set
 * ({@link Study#paretoFront()}) is measured against the {@link TrueFront}: IGD, IGD+
 * and hypervolume, all scaled by the true front's ideal and nadir points. Studies run
 * in parallel on {@code threads} threads, but each is sequential and seeded, so the
 * rows do not depend on the thread count.
 */
public final class ParetoBenchmark {

    /**
     * The strategies that use both objectives: NSGA-II, aging evolution with non-dominated
     * ranking (with and without a Pareto archive), ParEGO-style Bayesian optimisation, and
     * random search as the baseline. The other strategies search the first objective only.
     */
    public static final List<String> STRATEGIES =
            List.of("nsga2", "mo-evolution", "mo-bo", "evolution", "random");

    private static final Logger LOG = LoggerFactory.getLogger(ParetoBenchmark.class);

    private final Nb201Table table;
    private final Map<Nb201Dataset, TrueFront> fronts = new ConcurrentHashMap<>();

    public ParetoBenchmark(Nb201Table table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /**
     * Checks that {@code strategy} is one of {@link #STRATEGIES}.
     *
     * @throws IllegalArgumentException naming the value and the valid names
     */
    public static void requireStrategy(String strategy) {
        if (!STRATEGIES.contains(strategy)) {
            throw new IllegalArgumentException("unknown multi-objective strategy '" + strategy
                    + "'; valid strategies: " + String.join(", ", STRATEGIES));
        }
    }

    /** Returns the true front of {@code dataset}, computing it on first use. */
    public TrueFront trueFront(Nb201Dataset dataset) {
        return fronts.computeIfAbsent(dataset, d -> TrueFront.of(table, d));
    }

    /**
     * Every study of a run and the true fronts it was measured against.
     *
     * @param runs one run per study, ordered by data set, strategy (both in settings
     *     order) and seed
     * @param fronts the true front of each data set
     */
    public record Result(List<ParetoRun> runs, Map<Nb201Dataset, TrueFront> fronts) {

        public Result {
            runs = List.copyOf(runs);
            fronts = Map.copyOf(fronts);
        }

        /** Collects the rows of every run, in run order. */
        public List<ParetoRow> rows() {
            List<ParetoRow> rows = new ArrayList<>();
            runs.forEach(run -> rows.addAll(run.rows()));
            return rows;
        }

        /** Summarises the rows per data set, strategy and checkpoint, in run order. */
        public List<ParetoSummary> summaries() {
            return ParetoSummary.of(rows());
        }

        /**
         * Finds the run of {@code strategy} on {@code dataset} with the median final
         * hypervolume ratio. With an even number of seeds it is the lower of the two middle
         * runs, and ties go to the lower seed.
         *
         * @throws IllegalArgumentException when there is no such run
         */
        public ParetoRun medianRun(Nb201Dataset dataset, String strategy) {
            List<ParetoRun> matching = runs.stream()
                    .filter(r -> r.dataset() == dataset && r.strategy().equals(strategy))
                    .sorted(Comparator.comparingDouble(
                                    (ParetoRun r) -> r.last().measures().hypervolumeRatio())
                            .thenComparingLong(ParetoRun::seed))
                    .toList();
            if (matching.isEmpty()) {
                throw new IllegalArgumentException("no run of strategy '" + strategy
                        + "' on " + dataset);
            }
            return matching.get((matching.size() - 1) / 2);
        }
    }

    /**
     * Runs every study of {@code settings}.
     *
     * @throws IllegalStateException when a study fails or the run is interrupted
     */
    public Result run(ParetoSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Map<Nb201Dataset, TrueFront> used = new EnumMap<>(Nb201Dataset.class);
        for (Nb201Dataset dataset : settings.datasets()) {
            TrueFront front = trueFront(dataset);
            LOG.info("True front of {}: {} points, test accuracy {} to {} %", dataset,
                    front.points().size(),
                    String.format(Locale.ROOT, "%.2f", front.points().get(0).testAccuracy()),
                    String.format(Locale.ROOT, "%.2f", front.mostAccurate().testAccuracy()));
            used.put(dataset, front);
        }
        LOG.info("Running {} two-objective NAS-Bench-201 studies of {} trials on {} threads",
                settings.studies(), settings.trials(), settings.threads());
        return new Result(runAll(settings), used);
    }

    private List<ParetoRun> runAll(ParetoSettings settings) {
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        try {
            List<Future<ParetoRun>> futures = new ArrayList<>();
            for (Nb201Dataset dataset : settings.datasets()) {
                for (String strategy : settings.strategies()) {
                    for (long seed = 0; seed < settings.seeds(); seed++) {
                        long studySeed = seed;
                        futures.add(pool.submit(() -> runStudy(dataset, strategy,
                                Strategies.create(strategy, Map.of()), studySeed,
                                settings.checkpoints())));
                    }
                }
            }
            List<ParetoRun> runs = new ArrayList<>();
            int step = Math.max(1, futures.size() / 10);
            for (Future<ParetoRun> future : futures) {
                runs.add(await(future));
                if (runs.size() % step == 0 && runs.size() < futures.size()) {
                    LOG.info("Finished {} of {} studies", runs.size(), futures.size());
                }
            }
            return runs;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs one study of {@code strategy}, labelled {@code name}, until the last
     * checkpoint, and measures its Pareto set after each checkpoint.
     */
    ParetoRun runStudy(Nb201Dataset dataset, String name, Strategy strategy, long seed,
            List<Integer> checkpoints) {
        TrueFront front = trueFront(dataset);
        StudyConfig config = new StudyConfig("pareto-" + name + "-" + dataset.id() + "-" + seed,
                table.space().name(), "nb201", Map.of("dataset", dataset.id()), name, Map.of(),
                TrueFront.OBJECTIVES, seed);
        Nb201Evaluator evaluator = new Nb201Evaluator(table, dataset, Optional.empty());
        Map<Integer, Integer> cellOfTrial = new HashMap<>();
        List<ParetoRow> rows = new ArrayList<>();
        List<FrontPoint> last = List.of();
        int trials = checkpoints.get(checkpoints.size() - 1);
        try (InMemoryStorage storage = new InMemoryStorage()) {
            Study study = Study.open(storage, config, table.space(), strategy);
            for (int t = 1; t <= trials; t++) {
                Trial trial = study.ask();
                cellOfTrial.put(trial.number(), table.indexOf(trial.architecture()));
                Evaluation evaluation =
                        evaluator.evaluate(trial.architecture(), new TableLookupContext(trial));
                study.tell(trial, evaluation);
                if (checkpoints.contains(t)) {
                    last = paretoSet(study, cellOfTrial);
                    List<double[]> points = last.stream().map(FrontPoint::minimized).toList();
                    rows.add(new ParetoRow(dataset, name, seed, t, front.measure(points)));
                }
            }
        }
        LOG.debug("{} on {} seed {}: IGD {} and hypervolume ratio {} after {} trials", name,
                dataset, seed, rows.get(rows.size() - 1).measures().igd(),
                rows.get(rows.size() - 1).measures().hypervolumeRatio(), trials);
        return new ParetoRun(dataset, name, seed, rows, last);
    }

    /** Collects the study's Pareto set as front points, by FLOPs ascending. */
    private static List<FrontPoint> paretoSet(Study study, Map<Integer, Integer> cellOfTrial) {
        List<FrontPoint> points = new ArrayList<>();
        for (FrozenTrial trial : study.paretoFront()) {
            points.add(new FrontPoint(cellOfTrial.get(trial.number()),
                    trial.metrics().get(Nb201Evaluator.TEST_ACCURACY),
                    trial.metrics().get(Nb201Evaluator.FLOPS)));
        }
        points.sort(Comparator.comparingDouble(FrontPoint::flops)
                .thenComparingDouble(FrontPoint::testAccuracy));
        return points;
    }

    private static ParetoRun await(Future<ParetoRun> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Pareto benchmark was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a Pareto benchmark study failed", e.getCause());
        }
    }
}
