package io.archforge.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.execution.EvaluationRecipe;
import io.archforge.execution.LocalTrialExecutor;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.SearchSpace;
import io.archforge.storage.InMemoryStorage;
import io.archforge.strategy.Strategies;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Trials in flight on an executor, and several study objects sharing one store. */
class AsyncLoopTest {

    private static final CellSpace NB201 = CellSpace.nb201();
    private static final StudyConfig CONFIG = new StudyConfig("async", "nb201", "synthetic",
            Map.of(), "random", Map.of(), List.of(Objective.maximize("accuracy")), 5);

    /** Counts the evaluations running at once; each sleeps a little. */
    static final class SlowRecipe implements EvaluationRecipe {
        private static final long serialVersionUID = 1L;
        static final AtomicInteger RUNNING = new AtomicInteger();
        static final AtomicInteger PEAK = new AtomicInteger();

        @Override
        public String fingerprint() {
            return "slow";
        }

        @Override
        public SearchSpace space() {
            return NB201;
        }

        @Override
        public Evaluator evaluator() {
            SyntheticEvaluator synthetic = new SyntheticEvaluator();
            return new Evaluator() {
                @Override
                public Set<String> metrics() {
                    return synthetic.metrics();
                }

                @Override
                public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
                    PEAK.accumulateAndGet(RUNNING.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(40);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        RUNNING.decrementAndGet();
                    }
                    return synthetic.evaluate(architecture, context);
                }
            };
        }
    }

    @Test
    void executorFinishesExactBudget() {
        InMemoryStorage storage = new InMemoryStorage();
        Study study = Study.open(storage, CONFIG, NB201, Strategies.create("random", Map.of()));
        SlowRecipe.PEAK.set(0);

        Study.StopReason reason;
        try (LocalTrialExecutor executor = new LocalTrialExecutor(new SlowRecipe(), 3)) {
            reason = study.optimize(executor, Budget.trials(20), StudyListener.NONE);
        }

        assertThat(reason).isEqualTo(Study.StopReason.TRIAL_BUDGET);
        assertThat(study.trials()).hasSize(20).allMatch(t -> t.state() == TrialState.COMPLETE);
        assertThat(study.trials().stream().map(t -> NB201.parse(t.architecture()).isomorphismKey()))
                .doesNotHaveDuplicates();
        assertThat(SlowRecipe.PEAK.get()).isEqualTo(3);
    }

    @Test
    void timeLimitLeavesInFlightStale() {
        InMemoryStorage storage = new InMemoryStorage();
        Study study = Study.open(storage, CONFIG, NB201, Strategies.create("random", Map.of()));

        Study.StopReason reason;
        try (LocalTrialExecutor executor = new LocalTrialExecutor(new SlowRecipe(), 2)) {
            reason = study.optimize(executor, Budget.time(Duration.ofMillis(300)),
                    StudyListener.NONE);
        }

        assertThat(reason).isEqualTo(Study.StopReason.TIME_LIMIT);
        assertThat(study.trials()).noneMatch(t -> t.state() == TrialState.RUNNING);
        assertThat(study.trials()).anyMatch(t -> t.state() == TrialState.COMPLETE);
    }

    @Test
    void sharedStoreNeverRepeats() {
        InMemoryStorage storage = new InMemoryStorage();
        Study first = Study.open(storage, CONFIG, NB201, Strategies.create("evolution",
                Map.of("population", "5", "sample_size", "2")));
        Study second = Study.open(storage, CONFIG, NB201, Strategies.create("evolution",
                Map.of("population", "5", "sample_size", "2")));
        SyntheticEvaluator evaluator = new SyntheticEvaluator();

        // Turns: each study finishes trials that the other one must take into account.
        for (int round = 1; round <= 6; round++) {
            first.optimize(evaluator, Budget.trials(round * 10 - 5), StudyListener.NONE);
            second.optimize(evaluator, Budget.trials(round * 10), StudyListener.NONE);
        }

        assertThat(storage.trials("async")).hasSize(60);
        assertThat(storage.trials("async").stream()
                .map(t -> NB201.parse(t.architecture()).isomorphismKey())).doesNotHaveDuplicates();
    }

    @Test
    void silentTrialRetriedOnce() throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        Study study = Study.open(storage, CONFIG, NB201, Strategies.create("random", Map.of()));
        study.useHeartbeats(Duration.ofMillis(20), Duration.ofMillis(100));
        String cell = NB201.sample(new java.util.Random(1)).text();
        int silent = storage.createTrial("async", cell, 9L,
                Map.of(Worker.ATTRIBUTE, "elsewhere/1/1"));
        Thread.sleep(150);

        study.optimize(new SyntheticEvaluator(), Budget.trials(5), StudyListener.NONE);

        assertThat(storage.trial("async", silent).orElseThrow().state())
                .isEqualTo(TrialState.STALE);
        assertThat(study.trials()).filteredOn(t -> Integer.toString(silent)
                .equals(t.attributes().get(Study.RETRY_OF_ATTRIBUTE)))
                .singleElement().satisfies(t -> {
                    assertThat(t.architecture()).isEqualTo(cell);
                    assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
                });
        assertThat(study.finishedCount()).isEqualTo(5);
    }
}
