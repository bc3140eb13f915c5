package io.archforge.benchmarks.pruning;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Evaluator;
import io.archforge.benchmarks.nb201.Nb201Protocol;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.predictor.prune.LearnedPruner;
import io.archforge.predictor.prune.PruneDecision;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures learned pruning on NAS-Bench-201: each strategy runs once without and once
 * with a {@link LearnedPruner} per seed, both maximising the 200-epoch test accuracy by
 * table look-up for the same number of evaluations, with an in-memory store. Skipped
 * candidates are looked up afterwards, so the report can count those whose true value
 * beat the best the study had found when it skipped them.
 *
 * <p>Studies run in parallel on the settings' thread count; the rows do not depend on
 * it, because every study and pruner is seeded from the study seed.
 */
public final class PruningBenchmark {

    /** The suffix of the pruned arm's label, as in {@code evolution+pruning}. */
    public static final String PRUNED_SUFFIX = "+pruning";

    private static final Logger LOG = LoggerFactory.getLogger(PruningBenchmark.class);
    private static final String SIGNAL = Nb201Evaluator.TEST_ACCURACY;

    private final Nb201Table table;

    public PruningBenchmark(Nb201Table table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /**
     * The outcome of every study.
     *
     * @param rows one row per study and evaluation, ordered by strategy, data set, seed and
     *     arm, the unpruned arm first
     * @param skipped every skipped candidate, in the same order and then by trial number
     * @param runs one entry per study, in the same order
     */
    public record Result(List<PruningRow> rows, List<SkippedCandidate> skipped,
            List<Run> runs) {

        public Result {
            rows = List.copyOf(rows);
            skipped = List.copyOf(skipped);
            runs = List.copyOf(runs);
        }
    }

    /**
     * One study.
     *
     * @param strategy the strategy name
     * @param pruned whether it ran with learned pruning
     * @param dataset the data set
     * @param seed the study seed
     * @param evaluations the trials it evaluated
     * @param skipped the candidates it skipped
     * @param seconds its wall time, ask, look-up and tell together
     */
    public record Run(String strategy, boolean pruned, Nb201Dataset dataset, long seed,
            int evaluations, int skipped, double seconds) {
    }

    /** Returns the label of an arm: the strategy, with {@value #PRUNED_SUFFIX} when pruned. */
    public static String arm(String strategy, boolean pruned) {
        return pruned ? strategy + PRUNED_SUFFIX : strategy;
    }

    /**
     * Runs every study of {@code settings}.
     *
     * @throws IllegalArgumentException when a strategy name is unknown
     */
    public Result run(PruningSettings settings) {
        Objects.requireNonNull(settings, "settings");
        settings.strategies().forEach(name -> Strategies.create(name, Map.of()));
        LOG.info("Running {} NAS-Bench-201 studies of {} evaluations on {} threads, pruning "
                + "with {} at risk {}", settings.studies(), settings.trials(),
                settings.threads(), settings.predictorName(), settings.risk());
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        try {
            List<Future<StudyOutcome>> futures = new ArrayList<>();
            for (String strategy : settings.strategies()) {
                for (Nb201Dataset dataset : settings.datasets()) {
                    for (int i = 0; i < settings.seeds(); i++) {
                        long seed = settings.firstSeed() + i;
                        for (boolean pruned : new boolean[] {false, true}) {
                            futures.add(pool.submit(() ->
                                    runStudy(strategy, dataset, seed, pruned, settings)));
                        }
                    }
                }
            }
            List<PruningRow> rows = new ArrayList<>();
            List<SkippedCandidate> skipped = new ArrayList<>();
            List<Run> runs = new ArrayList<>();
            for (Future<StudyOutcome> future : futures) {
                StudyOutcome outcome = await(future);
                rows.addAll(outcome.rows());
                skipped.addAll(outcome.skipped());
                runs.add(outcome.run());
            }
            return new Result(rows, skipped, runs);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs one study for the settings' evaluations and reads its trials back. */
    StudyOutcome runStudy(String strategy, Nb201Dataset dataset, long seed, boolean pruned,
            PruningSettings settings) {
        StudyConfig config = new StudyConfig(arm(strategy, pruned) + "-" + dataset.id() + "-"
                + seed, table.space().name(), "nb201",
                Map.of("dataset", dataset.id(), "protocol", Nb201Protocol.TEST.id()), strategy,
                Map.of(), List.of(Objective.maximize(SIGNAL)), seed);
        Nb201Evaluator evaluator = new Nb201Evaluator(table, dataset, Optional.empty());
        try (InMemoryStorage storage = new InMemoryStorage()) {
            Study study = Study.open(storage, config, table.space(),
                    Strategies.create(strategy, Map.of()));
            if (pruned) {
                study.usePruner(new LearnedPruner(settings.predictor(), table.space(),
                        settings.risk(), settings.options(), seed));
            }
            long start = System.nanoTime();
            study.optimize(evaluator, Budget.trials(settings.trials()), StudyListener.NONE);
            double seconds = (System.nanoTime() - start) / 1e9;
            return outcome(strategy, pruned, dataset, seed, study.trials(), seconds);
        }
    }

    /** Turns a study's trials into its rows and skipped candidates. */
    private StudyOutcome outcome(String strategy, boolean pruned, Nb201Dataset dataset,
            long seed, List<FrozenTrial> trials, double seconds) {
        double optimum = table.bestTestAccuracy(dataset);
        List<PruningRow> rows = new ArrayList<>();
        List<SkippedCandidate> skipped = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        // A skipped candidate that the study evaluated later was not lost.
        Set<String> evaluatedLater = new HashSet<>();
        for (FrozenTrial trial : trials) {
            String skippedAs = trial.attributes().get(Study.SKIPPED_AS_ATTRIBUTE);
            if (skippedAs != null) {
                evaluatedLater.add(skippedAs);
            }
        }
        for (FrozenTrial trial : trials) {
            if (trial.state() == TrialState.SKIPPED
                    && !evaluatedLater.contains(Integer.toString(trial.number()))) {
                skipped.add(skippedCandidate(strategy, dataset, seed, trial, rows.size(), best));
            } else if (trial.state() == TrialState.COMPLETE) {
                best = Math.max(best, trial.metrics().get(SIGNAL));
                rows.add(new PruningRow(strategy, pruned, dataset, seed, rows.size() + 1,
                        skipped.size(), best, Math.max(0, optimum - best)));
            }
        }
        Run run = new Run(strategy, pruned, dataset, seed, rows.size(), skipped.size(), seconds);
        return new StudyOutcome(rows, skipped, run);
    }

    private SkippedCandidate skippedCandidate(String strategy, Nb201Dataset dataset, long seed,
            FrozenTrial trial, int evaluations, double best) {
        Map<String, String> notes = trial.attributes();
        double truth = table.testAccuracy(
                table.indexOf(table.space().parse(trial.architecture())), dataset);
        return new SkippedCandidate(strategy, dataset, seed, trial.number(), evaluations,
                trial.architecture(),
                Double.parseDouble(notes.get(PruneDecision.IMPROVEMENT_PROBABILITY)),
                Double.parseDouble(notes.get(PruneDecision.PREDICTED_MEAN)),
                Double.parseDouble(notes.get(PruneDecision.PREDICTED_STD)), truth, best);
    }

    private static StudyOutcome await(Future<StudyOutcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("pruning benchmark was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a pruning benchmark study failed", e.getCause());
        }
    }

    /** The rows, skipped candidates and summary of one study. */
    record StudyOutcome(List<PruningRow> rows, List<SkippedCandidate> skipped, Run run) {
    }
}
