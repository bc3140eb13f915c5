package io.archforge.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Evaluator;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.eval.Evaluator;
import io.archforge.execution.EvaluationRecipe;
import io.archforge.execution.ExecutorSettings;
import io.archforge.execution.TrialExecutor;
import io.archforge.execution.TrialExecutors;
import io.archforge.space.CellSpace;
import io.archforge.space.SearchSpace;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.strategy.Strategies;
import io.archforge.study.Budget;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.StudyListener;
import io.archforge.study.TrialState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs a NAS-Bench-201 study through the {@code spark} executor into an SQLite store. */
class SparkStudyTest {

    /** Builds the NAS-Bench-201 CIFAR-10 table evaluator and counts its builds in this JVM. */
    record Nb201Recipe() implements EvaluationRecipe {
        private static final long serialVersionUID = 1L;
        static final AtomicInteger BUILT = new AtomicInteger();

        @Override
        public String fingerprint() {
            return "nb201:cifar10";
        }

        @Override
        public SearchSpace space() {
            return CellSpace.nb201();
        }

        @Override
        public Evaluator evaluator() {
            BUILT.incrementAndGet();
            return new Nb201Evaluator(Nb201Table.load(), Nb201Dataset.CIFAR10, Optional.empty());
        }
    }

    @Test
    void studyFinishesTrialBudgetOnSpark(@TempDir Path dir) {
        StudyConfig config = new StudyConfig("spark-nb201", "nb201", "nb201",
                Map.of("dataset", "cifar10"), "evolution", Map.of("population", "6"),
                List.of(Objective.maximize(Nb201Evaluator.TEST_ACCURACY)), 42);
        ExecutorSettings settings = new ExecutorSettings(Optional.of(2),
                Optional.of("local[2,3]"), Map.of());
        String location = "sqlite:" + dir.resolve("studies.db");

        try (Storage storage = Storages.open(location);
                TrialExecutor executor = TrialExecutors.create("spark", new Nb201Recipe(),
                        settings)) {
            assertThat(executor).isInstanceOf(SparkTrialExecutor.class);
            Study study = Study.open(storage, config, CellSpace.nb201(),
                    Strategies.create(config.strategy(), config.strategyOptions()));

            Study.StopReason reason = study.optimize(executor, Budget.trials(12),
                    StudyListener.NONE);

            assertThat(reason).isEqualTo(Study.StopReason.TRIAL_BUDGET);
        }

        try (Storage storage = Storages.open(location)) {
            List<FrozenTrial> trials = storage.trials(config.name());
            assertThat(trials).hasSize(12);
            assertThat(trials).extracting(FrozenTrial::state).containsOnly(TrialState.COMPLETE);
            assertThat(trials).extracting(FrozenTrial::architecture).doesNotHaveDuplicates();
            assertThat(trials).allSatisfy(trial -> assertThat(trial.metrics())
                    .containsKey(Nb201Evaluator.TEST_ACCURACY));
            assertThat(trials).extracting(FrozenTrial::number)
                    .containsExactlyInAnyOrderElementsOf(
                            java.util.stream.IntStream.range(0, 12).boxed().toList());
        }
        assertThat(Nb201Recipe.BUILT.get()).as("evaluators built for 12 trials on 2 threads")
                .isBetween(1, 2);
    }
}
