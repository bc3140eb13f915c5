package io.archforge.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.EvaluationInterruptedException;
import io.archforge.eval.Evaluator;
import io.archforge.eval.TimeLimitedEvaluator;
import io.archforge.eval.TrialTimeoutException;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Evaluations past the trial time limit: they fail their trial, and the study goes on. */
class TrialTimeoutTest {

    private static final CellSpace NB201 = CellSpace.nb201();
    private static final StudyConfig CONFIG = new StudyConfig("timeout", "nb201", "synthetic",
            Map.of(), "random", Map.of(), List.of(Objective.maximize("accuracy")), 3);
    private static final Duration GRACE = Duration.ofMillis(200);
    /** Releases the abandoned evaluations once the tests are done. */
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    @AfterAll
    static void releaseAbandonedEvaluations() {
        RELEASE.countDown();
    }

    private static Study open() {
        return Study.open(new InMemoryStorage(), CONFIG, NB201,
                Strategies.create("random", Map.of()));
    }

    /** Blocks, deaf to interrupts and stop requests, in the odd-numbered trials. */
    static final class HangingEvaluator implements Evaluator {
        private final SyntheticEvaluator synthetic = new SyntheticEvaluator();

        @Override
        public Set<String> metrics() {
            return synthetic.metrics();
        }

        @Override
        public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
            if (context.trialNumber() % 2 == 1) {
                awaitUninterruptibly(RELEASE);
            }
            return synthetic.evaluate(architecture, context);
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (latch.getCount() > 0) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                // Ignored on purpose: this evaluation stands for one that never stops.
            }
        }
    }

    /** Stops when asked, checking every 10 ms, but would run for a minute otherwise. */
    static final class PollingEvaluator implements Evaluator {
        private final SyntheticEvaluator synthetic = new SyntheticEvaluator();

        @Override
        public Set<String> metrics() {
            return synthetic.metrics();
        }

        @Override
        public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
            long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (System.nanoTime() < end) {
                if (context.shouldStop()) {
                    throw new EvaluationInterruptedException("stopped in trial "
                            + context.trialNumber());
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EvaluationInterruptedException("interrupted");
                }
            }
            return synthetic.evaluate(architecture, context);
        }
    }

    @Test
    void hangingTrialsFailAndStudyGoesOn() {
        Study study = open();
        study.useTrialTimeout(Duration.ofSeconds(1), GRACE);

        Study.StopReason reason = study.optimize(new HangingEvaluator(), Budget.trials(4),
                StudyListener.NONE);

        assertThat(reason).isEqualTo(Study.StopReason.TRIAL_BUDGET);
        List<FrozenTrial> trials = study.trials();
        assertThat(trials).hasSize(4);
        for (FrozenTrial trial : trials) {
            if (trial.number() % 2 == 1) {
                assertThat(trial.state()).isEqualTo(TrialState.FAILED);
                assertThat(trial.error()).get().asString()
                        .startsWith("exceeded the trial time limit of 1s")
                        .contains("abandoned");
            } else {
                assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
            }
        }
    }

    @Test
    void stoppingTrialFailsWithoutAbandon() {
        Study study = open();
        study.useTrialTimeout(Duration.ofMillis(300), Duration.ofSeconds(5));
        long start = System.nanoTime();

        study.optimize(new PollingEvaluator(), Budget.trials(2), StudyListener.NONE);

        assertThat(study.trials()).hasSize(2).allSatisfy(trial -> {
            assertThat(trial.state()).isEqualTo(TrialState.FAILED);
            assertThat(trial.error()).contains("exceeded the trial time limit of 300ms");
        });
        // Each evaluation stopped long before its grace period ran out.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void studyStopStillLeavesTrialStale() throws Exception {
        Study study = open();
        study.useTrialTimeout(Duration.ofMinutes(1), GRACE);
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            study.stop();
        });
        stopper.start();

        Study.StopReason reason = study.optimize(new PollingEvaluator(), Budget.trials(3),
                StudyListener.NONE);
        stopper.join();

        assertThat(reason).isEqualTo(Study.StopReason.INTERRUPTED);
        assertThat(study.trials()).singleElement()
                .satisfies(trial -> assertThat(trial.state()).isEqualTo(TrialState.STALE));
    }

    @Test
    void evaluationErrorsKeepTheirType() {
        Evaluator failing = new Evaluator() {
            @Override
            public Set<String> metrics() {
                return Set.of("accuracy");
            }

            @Override
            public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
                if (context.trialNumber() == 0) {
                    throw new IllegalStateException("no result");
                }
                throw new OutOfMemoryError("Java heap space");
            }
        };
        TimeLimitedEvaluator limited = new TimeLimitedEvaluator(failing, Duration.ofSeconds(5));
        Architecture cell = NB201.sample(new java.util.Random(1));

        assertThatThrownBy(() -> limited.evaluate(cell, EvaluationContext.detached(0)))
                .isInstanceOf(IllegalStateException.class).hasMessage("no result");
        assertThatThrownBy(() -> limited.evaluate(cell, new NumberedContext(1)))
                .isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void invalidLimitIsRejected() {
        Study study = open();

        assertThatThrownBy(() -> study.useTrialTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> study.useTrialTimeout(Duration.ofSeconds(1),
                Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grace period");
        assertThat(study.trialTimeout()).isEmpty();
    }

    @Test
    void executorTrialFailsPastItsLimit() {
        Study study = open();
        HangingRecipe recipe = new HangingRecipe();

        try (LocalTrialExecutor executor = new LocalTrialExecutor(recipe, 1)) {
            study.optimize(executor, Budget.trials(3), StudyListener.NONE);
        }

        assertThat(study.trials()).hasSize(3);
        assertThat(study.trials().get(1).state()).isEqualTo(TrialState.FAILED);
        assertThat(study.trials().get(1).error()).get().asString()
                .startsWith("exceeded the trial time limit of 500ms");
        assertThat(study.trials().get(2).state()).isEqualTo(TrialState.COMPLETE);
        // The thread built a second evaluator after abandoning trial 1 on the first.
        assertThat(recipe.built.get()).isEqualTo(2);
    }

    /** Builds hanging evaluators with a time limit of 500 ms, and counts them. */
    static final class HangingRecipe implements EvaluationRecipe {
        private static final long serialVersionUID = 1L;
        final transient AtomicInteger built = new AtomicInteger();

        @Override
        public String fingerprint() {
            return "hanging";
        }

        @Override
        public SearchSpace space() {
            return NB201;
        }

        @Override
        public Evaluator evaluator() {
            built.incrementAndGet();
            return new TimeLimitedEvaluator(new HangingEvaluator(), Duration.ofMillis(500), GRACE);
        }
    }

    /** A detached context with a trial number of its own. */
    private record NumberedContext(int trialNumber) implements EvaluationContext {
        @Override
        public long seed() {
            return 0;
        }

        @Override
        public void report(int step, String metric, double value) {
        }

        @Override
        public boolean shouldStop() {
            return false;
        }
    }

    @Test
    void exceptionNamesLimitInLargestUnit() {
        assertThat(new TrialTimeoutException(Duration.ofMinutes(10), false))
                .hasMessage("exceeded the trial time limit of 10m");
        assertThat(new TrialTimeoutException(Duration.ofSeconds(90), false).getMessage())
                .endsWith("of 90s");
        assertThat(new TrialTimeoutException(Duration.ofHours(2), true).getMessage())
                .contains("of 2h;", "abandoned");
    }
}
