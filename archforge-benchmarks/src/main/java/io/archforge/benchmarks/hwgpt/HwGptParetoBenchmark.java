package io.archforge.benchmarks.hwgpt;

import io.archforge.benchmarks.TableLookupContext;
import io.archforge.benchmarks.pareto.FrontMeasures;
import io.archforge.eval.Evaluation;
import io.archforge.refine.ConfinedStrategy;
import io.archforge.space.HwGptSpace;
import io.archforge.space.MeasuredSpace;
import io.archforge.storage.InMemoryStorage;
import io.archforge.strategy.Strategies;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.Trial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures how well multi-objective strategies recover the front of perplexity against
 * latency on the GPT-S space of HW-GPT-Bench, one bi-objective problem per device.
 *
 * <p>Each study runs one strategy of {@code Strategies.create} (default options) on the
 * measured space {@code hwgpt-s}, confined to measured architectures
 * ({@link ConfinedStrategy}), with an in-memory store and study seed
 * {@code 0 .. seeds-1}, by ask and tell with {@link HwGptEvaluator}. Every
 * {@code step} trials the study's Pareto set is measured against the {@link HwGptFront}
 * of all 10,000 measured architectures: hypervolume ratio, IGD and IGD+ in scaled
 * objectives. Studies run on {@code threads} threads, but each is sequential and seeded,
 * so the rows do not depend on the thread count.
 */
public final class HwGptParetoBenchmark {

    /** The strategies this benchmark accepts: those of {@code Strategies.names()}. */
    public static final List<String> STRATEGIES = Strategies.names();

    private static final Logger LOG = LoggerFactory.getLogger(HwGptParetoBenchmark.class);

    private final HwGptTable table;

    /** Runs studies on the GPT-S table. */
    public HwGptParetoBenchmark() {
        this.table = HwGptTable.of(HwGptSpace.Size.S);
    }

    /**
     * The settings of one run.
     *
     * @param devices the latency devices, one bi-objective problem each
     * @param strategies the strategy names
     * @param seeds the seeds per strategy and device, 0 to seeds-1
     * @param trials the trials per study
     * @param step the trials between two measurements
     * @param threads the studies run at once
     */
    public record Settings(List<HwGptDevice> devices, List<String> strategies, int seeds,
            int trials, int step, int threads) {

        public Settings {
            devices = List.copyOf(devices);
            strategies = List.copyOf(strategies);
            if (seeds < 1 || trials < 1 || step < 1 || threads < 1) {
                throw new IllegalArgumentException("seeds, trials, step and threads must be "
                        + "at least 1, got " + seeds + ", " + trials + ", " + step + ", "
                        + threads);
            }
        }

        /** Returns the trial counts after which a study is measured, the last included. */
        public List<Integer> checkpoints() {
            List<Integer> checkpoints = new ArrayList<>();
            for (int t = step; t < trials; t += step) {
                checkpoints.add(t);
            }
            checkpoints.add(trials);
            return checkpoints;
        }

        /** Returns the number of studies. */
        public int studies() {
            return devices.size() * strategies.size() * seeds;
        }
    }

    /**
     * One measurement of one study.
     *
     * @param device the latency device
     * @param strategy the strategy name
     * @param seed the study seed
     * @param trials the trials so far
     * @param measures the study's Pareto set against the true front
     */
    public record Row(String device, String strategy, long seed, int trials,
            FrontMeasures measures) {
    }

    /**
     * Every measurement of a run and the fronts they were measured against.
     *
     * @param rows the rows, by device, strategy, seed and trials
     * @param fronts the true front of each device, by device name
     */
    public record Result(List<Row> rows, Map<String, HwGptFront> fronts) {

        public Result {
            rows = List.copyOf(rows);
            fronts = Map.copyOf(fronts);
        }
    }

    /**
     * Runs every study of {@code settings}.
     *
     * @throws IllegalStateException when a study fails or the run is interrupted
     */
    public Result run(Settings settings) {
        Objects.requireNonNull(settings, "settings");
        Map<String, HwGptFront> fronts = new LinkedHashMap<>();
        for (HwGptDevice device : settings.devices()) {
            HwGptFront front = HwGptFront.of(table, device);
            LOG.info("True front on {}: {} of {} architectures", device.name(),
                    front.points().size(), table.rows());
            fronts.put(device.name(), front);
        }
        LOG.info("Running {} studies of {} trials on {} threads", settings.studies(),
                settings.trials(), settings.threads());
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        try {
            List<Future<List<Row>>> futures = new ArrayList<>();
            for (HwGptDevice device : settings.devices()) {
                for (String strategy : settings.strategies()) {
                    for (long seed = 0; seed < settings.seeds(); seed++) {
                        long studySeed = seed;
                        futures.add(pool.submit(() -> runStudy(fronts.get(device.name()),
                                strategy, studySeed, settings.checkpoints())));
                    }
                }
            }
            List<Row> rows = new ArrayList<>();
            for (Future<List<Row>> future : futures) {
                rows.addAll(await(future));
            }
            return new Result(rows, fronts);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs one study until the last checkpoint and measures it at each checkpoint. */
    List<Row> runStudy(HwGptFront front, String strategy, long seed, List<Integer> checkpoints) {
        MeasuredSpace space = table.space();
        HwGptDevice device = front.device();
        StudyConfig config = new StudyConfig("hwgpt-" + strategy + "-" + device.name() + "-"
                + seed, space.name(), "hwgpt", Map.of("dataset", "s"), strategy, Map.of(),
                HwGptFront.objectives(device), seed);
        HwGptEvaluator evaluator = new HwGptEvaluator(table, Optional.empty());
        String latency = HwGptEvaluator.onDevice("latency_ms", device);
        List<Row> rows = new ArrayList<>();
        int trials = checkpoints.get(checkpoints.size() - 1);
        try (InMemoryStorage storage = new InMemoryStorage()) {
            Study study = Study.open(storage, config, space,
                    ConfinedStrategy.confine(Strategies.create(strategy, Map.of()), space));
            for (int t = 1; t <= trials; t++) {
                Trial trial = study.ask();
                Evaluation evaluation =
                        evaluator.evaluate(trial.architecture(), new TableLookupContext(trial));
                study.tell(trial, evaluation);
                if (checkpoints.contains(t)) {
                    List<double[]> points = new ArrayList<>();
                    for (FrozenTrial done : study.paretoFront()) {
                        points.add(new double[] {done.metrics().get(HwGptEvaluator.PERPLEXITY),
                                done.metrics().get(latency)});
                    }
                    rows.add(new Row(device.name(), strategy, seed, t, front.measure(points)));
                }
            }
        }
        LOG.debug("{} on {} seed {}: hypervolume ratio {}", strategy, device.name(), seed,
                rows.get(rows.size() - 1).measures().hypervolumeRatio());
        return rows;
    }

    private static List<Row> await(Future<List<Row>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("HW-GPT-Bench benchmark was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("an HW-GPT-Bench benchmark study failed",
                    e.getCause());
        }
    }
}
