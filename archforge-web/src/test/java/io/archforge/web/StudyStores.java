package io.archforge.web;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Evaluator;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.eval.Evaluator;
import io.archforge.schedule.Scheduler;
import io.archforge.schedule.Schedulers;
import io.archforge.space.CellSpace;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.strategy.Strategies;
import io.archforge.study.Budget;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.StudyListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQLite stores filled by real NAS-Bench-201 studies on CIFAR-10:
 * <ul>
 *   <li>{@value #SINGLE}: evolution on test accuracy under the median stopping rule,
 *       so trials report intermediate values and some end PRUNED;</li>
 *   <li>{@value #PAIR}: random search on test accuracy (max) and parameters (min).</li>
 * </ul>
 */
public final class StudyStores {

    /** The one-objective study. */
    public static final String SINGLE = "single";

    /** The two-objective study. */
    public static final String PAIR = "pair";

    private static Nb201Table table;

    private StudyStores() {
    }

    /** Returns the NAS-Bench-201 table, loaded once per test JVM. */
    public static synchronized Nb201Table table() {
        if (table == null) {
            table = Nb201Table.load();
        }
        return table;
    }

    /** Creates {@code dir/studies.db} with both studies, of {@code trials} trials each. */
    public static Path create(Path dir, int trials) {
        Path store = dir.resolve("studies.db");
        run(store, SINGLE, trials);
        run(store, PAIR, trials);
        return store;
    }

    /** Returns the configuration of study {@value #SINGLE} or {@value #PAIR}. */
    public static StudyConfig config(String name) {
        if (name.equals(SINGLE)) {
            return new StudyConfig(SINGLE, "nb201", "nb201", Map.of("dataset", "cifar10"),
                    "evolution", Map.of("population", "8", "sample_size", "3"),
                    List.of(Objective.maximize("test_accuracy")), 7)
                    .withScheduler(Optional.of("median"), Map.of());
        }
        return new StudyConfig(PAIR, "nb201", "nb201", Map.of("dataset", "cifar10"), "random",
                Map.of(), List.of(Objective.maximize("test_accuracy"),
                        Objective.minimize("params")), 11);
    }

    /**
     * Opens or resumes {@code study} in {@code store} and runs it until it has
     * {@code finished} finished trials.
     */
    public static void run(Path store, String study, int finished) {
        StudyConfig config = config(study);
        CellSpace space = CellSpace.nb201();
        try (Storage storage = Storages.open("sqlite:" + store);
                Evaluator evaluator = new Nb201Evaluator(table(), Nb201Dataset.CIFAR10,
                        Optional.empty())) {
            Study opened = Study.open(storage, config, space,
                    Strategies.create(config.strategy(), config.strategyOptions()));
            Optional<Scheduler> scheduler = config.scheduler()
                    .map(name -> Schedulers.create(name, config.schedulerOptions()));
            opened.optimize(evaluator, Budget.trials(finished), StudyListener.NONE, scheduler);
        }
    }
}
