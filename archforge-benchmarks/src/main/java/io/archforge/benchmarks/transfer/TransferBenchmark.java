package io.archforge.benchmarks.transfer;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.eval.Evaluation;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.storage.InMemoryStorage;
import io.archforge.strategy.Strategies;
import io.archforge.strategy.Strategy;
import io.archforge.strategy.WarmStartedStrategy;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.Trial;
import io.archforge.transfer.Similarity;
import io.archforge.transfer.SourceStudy;
import io.archforge.transfer.Transfer;
import io.archforge.transfer.TransferSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures warm starts between NAS-Bench-201 data sets: how many trials a search needs
 * to get within a tolerance of the target table's best test accuracy, cold or warm.
 *
 * <p>For each seed, a source study runs regularized evolution (default options) on the
 * source data set's 200-epoch test accuracy for {@code sourceTrials} trials, with seed
 * {@code 1000 + seed}. The misleading source is the same search on a table whose test
 * accuracies were permuted across isomorphism classes (a permutation per seed), so the
 * cells it ranks high are arbitrary. A target study then maximises the target's test
 * accuracy, warm-started through {@link WarmStartedStrategy} with the sources' complete
 * trials copied through {@link TransferSnapshot}, exactly as {@code --warm-start-from}
 * does. Transferred trials are not counted; every counted trial is an evaluation of
 * the target task. Studies run in memory, in parallel on the settings' threads, and
 * the results do not depend on the thread count.
 */
public final class TransferBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(TransferBenchmark.class);
    private static final String METRIC = "test_accuracy";
    private static final Objective OBJECTIVE = Objective.maximize(METRIC);
    /** Offset of the source studies' seeds, so they never equal a target's seed. */
    static final long SOURCE_SEED_OFFSET = 1000;

    private final Nb201Table table;
    private final CellSpace space;
    private final int[] representatives;
    private final Map<String, SourceStudy> sources = new ConcurrentHashMap<>();

    public TransferBenchmark(Nb201Table table) {
        this.table = Objects.requireNonNull(table, "table");
        this.space = table.space();
        this.representatives = new int[table.isoClassCount()];
        Arrays.fill(representatives, -1);
        for (int index = 0; index < table.size(); index++) {
            int isoClass = table.isoClass(index);
            if (representatives[isoClass] < 0) {
                representatives[isoClass] = index;
            }
        }
    }

    /** Runs every target study of {@code settings}, in pair, strategy, variant, seed order. */
    public List<TransferRun> run(TransferSettings settings) {
        List<Callable<TransferRun>> tasks = new ArrayList<>();
        for (TransferPair pair : settings.pairs()) {
            for (String strategy : settings.strategies()) {
                Strategies.create(strategy, Map.of());
                for (TransferVariant variant : settings.variants()) {
                    for (long seed = 0; seed < settings.seeds(); seed++) {
                        long studySeed = seed;
                        tasks.add(() -> target(pair, strategy, variant, studySeed, settings));
                    }
                }
            }
        }
        LOG.info("Running {} target studies on {} threads", tasks.size(), settings.threads());
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        try {
            List<Future<TransferRun>> futures = new ArrayList<>();
            tasks.forEach(task -> futures.add(pool.submit(task)));
            List<TransferRun> runs = new ArrayList<>();
            for (Future<TransferRun> future : futures) {
                runs.add(await(future));
            }
            return runs;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One target study, stopped once within the tolerance of the optimum. */
    TransferRun target(TransferPair pair, String strategyName, TransferVariant variant,
            long seed, TransferSettings settings) {
        List<SourceStudy> chosen = new ArrayList<>();
        if (variant == TransferVariant.WARM || variant == TransferVariant.BOTH) {
            chosen.add(source(pair.source(), seed, false, settings.sourceTrials()));
        }
        if (variant == TransferVariant.MISLEADING || variant == TransferVariant.BOTH) {
            chosen.add(source(pair.source(), seed, true, settings.sourceTrials()));
        }
        Strategy strategy = Strategies.create(strategyName, Map.of());
        Transfer transfer = null;
        if (!chosen.isEmpty()) {
            transfer = Transfer.of(space, OBJECTIVE, chosen);
            strategy = new WarmStartedStrategy(strategy, transfer);
        }
        double optimum = table.bestTestAccuracy(pair.target());
        StudyConfig config = new StudyConfig(strategyName + "-" + variant + "-" + seed,
                space.name(), "nb201", Map.of("dataset", pair.target().id()), strategyName,
                Map.of(), List.of(OBJECTIVE), seed);
        List<Double> regret = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        boolean reached = false;
        try (InMemoryStorage storage = new InMemoryStorage()) {
            Study study = Study.open(storage, config, space, strategy);
            while (regret.size() < settings.maxTrials() && !reached) {
                Trial trial = study.ask();
                double accuracy = table.testAccuracy(table.indexOf(trial.architecture()),
                        pair.target());
                study.tell(trial, Evaluation.of(Map.of(METRIC, accuracy)));
                best = Math.max(best, accuracy);
                regret.add(Math.max(0, optimum - best));
                reached = best >= optimum - settings.tolerance();
            }
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        if (transfer != null) {
            for (Similarity similarity : transfer.similarities()) {
                weights.put(similarity.source().startsWith("misleading") ? "misleading"
                        : "source", similarity.weight());
            }
        }
        return new TransferRun(pair, strategyName, variant, seed, regret.size(), reached, best,
                weights, regret);
    }

    /** The finished source study of {@code dataset} and {@code seed}, computed once. */
    private SourceStudy source(Nb201Dataset dataset, long seed, boolean misleading,
            int trials) {
        String name = (misleading ? "misleading-" : "source-") + dataset.id() + "-" + seed;
        return sources.computeIfAbsent(name + "/" + trials, key -> {
            IntToDoubleFunction accuracy = misleading ? shuffled(dataset, seed)
                    : index -> table.testAccuracy(index, dataset);
            return runSource(name, dataset, seed, trials, accuracy);
        });
    }

    private SourceStudy runSource(String name, Nb201Dataset dataset, long seed, int trials,
            IntToDoubleFunction accuracy) {
        StudyConfig config = new StudyConfig(name, space.name(), "nb201",
                Map.of("dataset", dataset.id()), "evolution", Map.of(), List.of(OBJECTIVE),
                SOURCE_SEED_OFFSET + seed);
        try (InMemoryStorage storage = new InMemoryStorage()) {
            Study study = Study.open(storage, config, space, Strategies.create("evolution",
                    Map.of()));
            for (int t = 0; t < trials; t++) {
                Trial trial = study.ask();
                Architecture architecture = trial.architecture();
                study.tell(trial, Evaluation.of(Map.of(METRIC,
                        accuracy.applyAsDouble(table.indexOf(architecture)))));
            }
            String snapshot = TransferSnapshot.write(study.trials(), METRIC);
            return TransferSnapshot.read(name, snapshot, space, OBJECTIVE);
        }
    }

    /**
     * Returns the test accuracy of a random other isomorphism class: a permutation of the
     * classes drawn from {@code seed}, so isomorphic cells still share a value.
     */
    private IntToDoubleFunction shuffled(Nb201Dataset dataset, long seed) {
        int[] permutation = new int[representatives.length];
        for (int i = 0; i < permutation.length; i++) {
            permutation[i] = i;
        }
        SplittableRandom random = new SplittableRandom(7919 * (seed + 1));
        for (int i = permutation.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = swap;
        }
        return index -> table.testAccuracy(
                representatives[permutation[table.isoClass(index)]], dataset);
    }

    private static TransferRun await(Future<TransferRun> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("transfer benchmark was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a transfer benchmark study failed", e.getCause());
        }
    }
}
