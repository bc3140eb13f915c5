package io.archforge.app.bench;

import io.archforge.benchmarks.TableLookupContext;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Evaluator;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.eval.Evaluation;
import io.archforge.refine.ConfinedStrategy;
import io.archforge.refine.RefinerSettings;
import io.archforge.refine.Refinement;
import io.archforge.refine.SpaceRefiner;
import io.archforge.space.Architecture;
import io.archforge.space.RefinedSpace;
import io.archforge.space.SearchSpace;
import io.archforge.storage.InMemoryStorage;
import io.archforge.strategy.Strategies;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.Trial;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the refinement benchmark on NAS-Bench-201: per seed, a source study in the full
 * space, its refinement, and on each target data set a search in the full space and one
 * in the refined space. Every study maximises the 200-epoch test accuracy with an
 * in-memory store. The source study has seed {@code s}; both target searches of seed
 * {@code s} share the seed {@code s + }{@value #TARGET_SEED_OFFSET}, so they differ from
 * the source run and only by the space. Seeds run in parallel; the results do not depend
 * on the thread count.
 */
final class RefineBenchmark {

    /** Added to a seed to get the seed of its target searches. */
    static final long TARGET_SEED_OFFSET = 100_000;

    private final Nb201Table table;
    private final Settings settings;

    /**
     * @param strategy the strategy of every study
     * @param source the data set of the source study
     * @param targets the data sets searched with and without the refinement
     * @param seeds the seeds, 0 to seeds - 1
     * @param sourceTrials the trials of each source study
     * @param trials the trials of each target search in the refined space; the full-space
     *     search runs {@code sourceTrials} more, to compare at equal total trials
     * @param refiner the settings of the refinement
     * @param threads the seeds run at once
     */
    record Settings(String strategy, Nb201Dataset source, List<Nb201Dataset> targets,
            int seeds, int sourceTrials, int trials, RefinerSettings refiner, int threads) {

        Settings {
            targets = List.copyOf(targets);
        }
    }

    /**
     * The outcome of one seed.
     *
     * @param seed the seed
     * @param refinement the refinement of the source study
     * @param full the regret after each trial of the full-space search, per target
     * @param refined the regret after each trial of the refined search, per target
     * @param optimumKept whether the refined space contains an optimal cell, per target
     */
    record SeedResult(long seed, Refinement refinement, Map<Nb201Dataset, double[]> full,
            Map<Nb201Dataset, double[]> refined, Map<Nb201Dataset, Boolean> optimumKept) {
    }

    RefineBenchmark(Nb201Table table, Settings settings) {
        this.table = Objects.requireNonNull(table, "table");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Runs every seed, returning the results in seed order. */
    List<SeedResult> run() {
        Map<Nb201Dataset, List<Architecture>> optima = new EnumMap<>(Nb201Dataset.class);
        for (Nb201Dataset target : settings.targets()) {
            optima.put(target, optima(target));
        }
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads());
        try {
            List<Future<SeedResult>> futures = new ArrayList<>();
            for (long seed = 0; seed < settings.seeds(); seed++) {
                long studySeed = seed;
                futures.add(pool.submit(() -> runSeed(studySeed, optima)));
            }
            List<SeedResult> results = new ArrayList<>();
            for (Future<SeedResult> future : futures) {
                results.add(await(future));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private SeedResult runSeed(long seed, Map<Nb201Dataset, List<Architecture>> optima) {
        // Step 1: the source study and its refinement.
        String name = "source-" + seed;
        List<FrozenTrial> source = search(name, table.space(), settings.source(), seed,
                settings.sourceTrials()).trials();
        Refinement refinement = new SpaceRefiner(settings.refiner()).refine(name,
                table.space(), objective(), source);
        RefinedSpace refined = refinement.apply(table.space());

        // Step 2: each target searched in both spaces with the same seed.
        long targetSeed = seed + TARGET_SEED_OFFSET;
        Map<Nb201Dataset, double[]> full = new EnumMap<>(Nb201Dataset.class);
        Map<Nb201Dataset, double[]> narrowed = new EnumMap<>(Nb201Dataset.class);
        Map<Nb201Dataset, Boolean> kept = new EnumMap<>(Nb201Dataset.class);
        for (Nb201Dataset target : settings.targets()) {
            full.put(target, search("full-" + seed, table.space(), target, targetSeed,
                    settings.sourceTrials() + settings.trials()).regret());
            narrowed.put(target, search("refined-" + seed, refined, target, targetSeed,
                    settings.trials()).regret());
            kept.put(target, optima.get(target).stream().anyMatch(refined::contains));
        }
        return new SeedResult(seed, refinement, full, narrowed, kept);
    }

    private static Objective objective() {
        return Objective.maximize(Nb201Evaluator.TEST_ACCURACY);
    }

    /** The trials of one study and its regret after each trial. */
    private record Search(List<FrozenTrial> trials, double[] regret) {
    }

    private Search search(String name, SearchSpace space, Nb201Dataset dataset, long seed,
            int trials) {
        StudyConfig config = new StudyConfig(name, space.name(), "nb201",
                Map.of("dataset", dataset.id()), settings.strategy(), Map.of(),
                List.of(objective()), seed);
        Nb201Evaluator evaluator = new Nb201Evaluator(table, dataset, Optional.empty());
        double optimum = table.bestTestAccuracy(dataset);
        double[] regret = new double[trials];
        double best = Double.NEGATIVE_INFINITY;
        try (InMemoryStorage storage = new InMemoryStorage()) {
            Study study = Study.open(storage, config, space, ConfinedStrategy.confine(
                    Strategies.create(settings.strategy(), Map.of()), space));
            for (int t = 0; t < trials; t++) {
                Trial trial = study.ask();
                Evaluation evaluation =
                        evaluator.evaluate(trial.architecture(), new TableLookupContext(trial));
                study.tell(trial, evaluation);
                best = Math.max(best, evaluation.metrics().get(Nb201Evaluator.TEST_ACCURACY));
                regret[t] = Math.max(0, optimum - best);
            }
            return new Search(study.trials(), regret);
        }
    }

    /** Returns the cells of the table with the best test accuracy on {@code dataset}. */
    private List<Architecture> optima(Nb201Dataset dataset) {
        double optimum = table.bestTestAccuracy(dataset);
        List<Architecture> cells = new ArrayList<>();
        for (int index = 0; index < table.size(); index++) {
            if (table.testAccuracy(index, dataset) >= optimum) {
                cells.add(table.architecture(index));
            }
        }
        return cells;
    }

    private static SeedResult await(Future<SeedResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("refinement benchmark was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("a refinement benchmark seed failed", e.getCause());
        }
    }
}
