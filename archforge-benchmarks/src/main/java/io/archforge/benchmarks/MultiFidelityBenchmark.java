package io.archforge.benchmarks;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Evaluator;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.eval.CostMetrics;
import io.archforge.storage.InMemoryStorage;
import io.archforge.strategy.Strategies;
import io.archforge.study.Budget;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.StudyListener;
import io.archforge.study.TrialState;
import java.util.ArrayList;
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
 * Compares search methods on NAS-Bench-201 by what they spend: each study maximises
 * the test accuracy and runs until it has spent a budget of benchmark epochs, counting
 * 12 epochs for a short run and 200 for a full one, so a promoted cell costs 12 + 200.
 * Only full-fidelity results can become the answer; the short runs steer the search.
 * The studies run through {@link Study#optimize} with an in-memory store and seeds
 * {@code 0 .. seeds-1}, so the rows do not depend on the thread count.
 */
public final class MultiFidelityBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(MultiFidelityBenchmark.class);

    private final Nb201Table table;

    public MultiFidelityBenchmark(Nb201Table table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /**
     * The settings of a run.
     *
     * @param methods the methods, in output order
     * @param datasets the data sets
     * @param seeds the seeds per method and data set
     * @param budgetEpochs the benchmark epochs each study may spend
     * @param threads studies at once
     */
    public record Settings(List<FidelityMethod> methods, List<Nb201Dataset> datasets, int seeds,
            double budgetEpochs, int threads) {

        public Settings {
            methods = List.copyOf(methods);
            datasets = List.copyOf(datasets);
            if (seeds < 1 || threads < 1 || !(budgetEpochs > 0)) {
                throw new IllegalArgumentException("seeds, threads and the epoch budget must be positive");
            }
        }

        /** Returns the number of studies. */
        public int studies() {
            return methods.size() * datasets.size() * seeds;
        }
    }

    /** Runs every study and returns its rows, by method, data set, seed and trial. */
    public List<CostRow> run(Settings settings) {
        LOG.info("Running {} NAS-Bench-201 studies of {} epochs each on {} threads",
                settings.studies(), settings.budgetEpochs(), settings.threads());
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        try {
            List<Future<List<CostRow>>> futures = new ArrayList<>();
            for (FidelityMethod method : settings.methods()) {
                for (Nb201Dataset dataset : settings.datasets()) {
                    for (long seed = 0; seed < settings.seeds(); seed++) {
                        long studySeed = seed;
                        futures.add(pool.submit(() -> runStudy(method, dataset, studySeed,
                                settings.budgetEpochs())));
                    }
                }
            }
            List<CostRow> rows = new ArrayList<>();
            for (Future<List<CostRow>> future : futures) {
                rows.addAll(await(future));
            }
            return rows;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs one study until it has spent {@code budgetEpochs} and records every trial. */
    public List<CostRow> runStudy(FidelityMethod method, Nb201Dataset dataset, long seed,
            double budgetEpochs) {
        StudyConfig config = new StudyConfig(method.label() + "-" + dataset.id() + "-" + seed,
                table.space().name(), "nb201", Map.of("dataset", dataset.id()), method.strategy(),
                Map.of(), List.of(Objective.maximize(Nb201Evaluator.TEST_ACCURACY)), seed);
        double optimum = table.bestTestAccuracy(dataset);
        Recorder recorder = new Recorder(method.label(), dataset, seed, optimum);
        try (InMemoryStorage storage = new InMemoryStorage();
                Nb201Evaluator evaluator = new Nb201Evaluator(table, dataset, Optional.empty())) {
            Study study = Study.open(storage, config, table.space(),
                    Strategies.create(method.strategy(), Map.of()));
            study.optimize(evaluator, Budget.epochs(budgetEpochs), recorder, method.createScheduler());
        }
        return recorder.rows;
    }

    /** Turns finished trials into rows as the study runs. */
    private static final class Recorder implements StudyListener {
        private final String method;
        private final Nb201Dataset dataset;
        private final long seed;
        private final double optimum;
        private final List<CostRow> rows = new ArrayList<>();
        private double epochs;
        private double best = Double.NaN;
        private boolean found;

        Recorder(String method, Nb201Dataset dataset, long seed, double optimum) {
            this.method = method;
            this.dataset = dataset;
            this.seed = seed;
            this.optimum = optimum;
        }

        @Override
        public void trialFinished(FrozenTrial trial) {
            epochs += trial.metrics().getOrDefault(CostMetrics.TRAINING_EPOCHS, 0.0);
            if (trial.state() == TrialState.COMPLETE && Study.isFullFidelity(trial)) {
                double test = trial.metrics().get(Nb201Evaluator.TEST_ACCURACY);
                if (Double.isNaN(best) || test > best) {
                    best = test;
                }
                found |= test >= optimum;
            }
            double regret = Double.isNaN(best) ? Double.NaN : Math.max(0, optimum - best);
            rows.add(new CostRow(method, dataset, seed, rows.size() + 1, epochs, best, regret, found));
        }
    }

    private static List<CostRow> await(Future<List<CostRow>> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("multi-fidelity benchmark was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a benchmark study failed", e.getCause());
        }
    }
}
