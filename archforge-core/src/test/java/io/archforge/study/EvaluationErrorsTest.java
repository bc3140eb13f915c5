package io.archforge.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.EvaluationFailures;
import io.archforge.eval.Evaluator;
import io.archforge.eval.TrainingDivergedException;
import io.archforge.execution.TrialOutcome;
import io.archforge.execution.TrialRunner;
import io.archforge.execution.TrialTask;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.storage.InMemoryStorage;
import io.archforge.storage.StorageException;
import io.archforge.strategy.Strategies;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Errors raised by evaluations: which ones fail their trial with a stored reason, and
 * which ones stop the study.
 */
class EvaluationErrorsTest {

    private static final CellSpace NB201 = CellSpace.nb201();
    private static final StudyConfig CONFIG = new StudyConfig("errors", "nb201", "synthetic",
            Map.of(), "random", Map.of(), List.of(Objective.maximize("accuracy")), 7);

    /** Raises what {@code error} returns for trial 1 and evaluates the others. */
    private static Evaluator failingSecondTrial(Function<Architecture, Throwable> error) {
        SyntheticEvaluator synthetic = new SyntheticEvaluator();
        return new Evaluator() {
            @Override
            public Set<String> metrics() {
                return synthetic.metrics();
            }

            @Override
            public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
                if (context.trialNumber() == 1) {
                    Throwable thrown = error.apply(architecture);
                    if (thrown instanceof Error fatal) {
                        throw fatal;
                    }
                    throw (RuntimeException) thrown;
                }
                return synthetic.evaluate(architecture, context);
            }
        };
    }

    private static int depth(int n) {
        return n == Integer.MIN_VALUE ? 0 : 1 + depth(n + 1);
    }

    private static FrozenTrial runThree(Evaluator evaluator, InMemoryStorage storage) {
        Study study = Study.open(storage, CONFIG, NB201, Strategies.create("random", Map.of()));
        Study.StopReason reason = study.optimize(evaluator, Budget.trials(3), StudyListener.NONE);
        assertThat(reason).isEqualTo(Study.StopReason.TRIAL_BUDGET);
        assertThat(study.trials()).hasSize(3);
        assertThat(study.trials().get(0).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(study.trials().get(2).state()).isEqualTo(TrialState.COMPLETE);
        return study.trials().get(1);
    }

    @Test
    void controlCharactersLeaveStoredError() {
        FrozenTrial failed = runThree(failingSecondTrial(a -> new IllegalStateException(
                "bad\u0000output\u001b[31m\nsecond line")), new InMemoryStorage());

        assertThat(failed.state()).isEqualTo(TrialState.FAILED);
        assertThat(failed.error()).get().asString()
                .contains("bad\uFFFDoutput\uFFFD[31m\nsecond line")
                .doesNotContain("\u0000").doesNotContain("\u001b");
    }

    @Test
    void stackOverflowFailsOnlyItsTrial() {
        FrozenTrial failed = runThree(failingSecondTrial(a -> {
            depth(0);
            return new IllegalStateException("unreachable");
        }), new InMemoryStorage());

        assertThat(failed.state()).isEqualTo(TrialState.FAILED);
        assertThat(failed.error()).get().asString().startsWith("stack overflow")
                .contains("-Xss");
    }

    @Test
    void linkageErrorFailsWithItsClass() {
        FrozenTrial failed = runThree(failingSecondTrial(a ->
                new NoClassDefFoundError("org/example/Missing")), new InMemoryStorage());

        assertThat(failed.state()).isEqualTo(TrialState.FAILED);
        assertThat(failed.error()).contains("NoClassDefFoundError: org/example/Missing");
    }

    @Test
    void thrownHeapErrorFailsWithFix() {
        FrozenTrial failed = runThree(failingSecondTrial(a ->
                new OutOfMemoryError("Java heap space")), new InMemoryStorage());

        assertThat(failed.state()).isEqualTo(TrialState.FAILED);
        assertThat(failed.error()).get().asString()
                .startsWith("out of Java heap memory (-Xmx ")
                .contains("Java heap space", "JAVA_OPTS=-Xmx");
    }

    @Test
    void engineAllocationFailureNamesNativeMemory() {
        FrozenTrial failed = runThree(failingSecondTrial(a -> new IllegalStateException(
                "forward failed", new RuntimeException("[enforce fail at alloc_cpu.cpp:117] "
                        + "DefaultCPUAllocator: not enough memory: you tried to allocate "
                        + "4398046511104 bytes."))), new InMemoryStorage());

        assertThat(failed.error()).get().asString().startsWith("out of native memory (")
                .contains("DefaultCPUAllocator", "smaller network", "--batch-size");
    }

    @Test
    void divergedTrainingKeepsItsMessage() {
        FrozenTrial failed = runThree(failingSecondTrial(a ->
                new TrainingDivergedException(2, 17, Double.NaN)), new InMemoryStorage());

        assertThat(failed.error()).contains("training diverged: loss is NaN at epoch 2, "
                + "batch 17; lower --learning-rate");
    }

    @Test
    void brokenJvmStopsTheStudy() {
        InMemoryStorage storage = new InMemoryStorage();
        Study study = Study.open(storage, CONFIG, NB201, Strategies.create("random", Map.of()));
        Evaluator evaluator = failingSecondTrial(a -> new InternalError("broken JVM"));

        assertThatThrownBy(() -> study.optimize(evaluator, Budget.trials(3), StudyListener.NONE))
                .isInstanceOf(InternalError.class);
        assertThat(study.trials()).hasSize(2);
        assertThat(study.trials().get(1).state()).isEqualTo(TrialState.RUNNING);
    }

    @Test
    void storeFailureStopsStudyLeavingTrialRunning() {
        InMemoryStorage storage = new InMemoryStorage();
        Study study = Study.open(storage, CONFIG, NB201, Strategies.create("random", Map.of()));
        Evaluator evaluator = failingSecondTrial(a -> new StorageException("disk is full"));

        assertThatThrownBy(() -> study.optimize(evaluator, Budget.trials(3), StudyListener.NONE))
                .isInstanceOf(StorageException.class).hasMessage("disk is full");
        assertThat(study.trials().get(1).state()).isEqualTo(TrialState.RUNNING);

        Study resumed = Study.open(storage, CONFIG, NB201, Strategies.create("random", Map.of()));
        assertThat(resumed.trials().get(1).state()).isEqualTo(TrialState.STALE);
    }

    @Test
    void runnerMapsResourceErrorsToFailed() {
        Evaluator evaluator = failingSecondTrial(a -> new OutOfMemoryError("Java heap space"));
        Architecture cell = NB201.sample(new java.util.Random(2));
        TrialTask task = new TrialTask("errors", 1, cell.text(), 1, Map.of());

        TrialOutcome outcome = TrialRunner.run(NB201, evaluator, task, () -> false);

        assertThat(outcome).isInstanceOfSatisfying(TrialOutcome.Failed.class, failed ->
                assertThat(failed.error()).startsWith("out of Java heap memory"));
        Evaluator crashing = failingSecondTrial(a -> new AssertionError("task crashed"));
        assertThatThrownBy(() -> TrialRunner.run(NB201, crashing, task, () -> false))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void reasonsNameEveryMemoryPool() {
        assertThat(EvaluationFailures.reason(new OutOfMemoryError(
                "Cannot reserve 8192 bytes of direct buffer memory")))
                .startsWith("out of direct buffer memory").contains("MaxDirectMemorySize");
        assertThat(EvaluationFailures.reason(new OutOfMemoryError("Metaspace")))
                .contains("MaxMetaspaceSize");
        assertThat(EvaluationFailures.reason(new OutOfMemoryError(
                "unable to create native thread: possibly out of memory")))
                .startsWith("cannot start another thread");
        assertThat(EvaluationFailures.reason(new RuntimeException(
                "CUDA out of memory. Tried to allocate 2.00 GiB"))).startsWith("out of GPU memory");
        assertThat(EvaluationFailures.reason(new IllegalStateException("out of memory")))
                .isEqualTo("IllegalStateException: out of memory");
        assertThat(EvaluationFailures.failsTrial(new InternalError())).isFalse();
        assertThat(EvaluationFailures.failsTrial(new StackOverflowError())).isTrue();
    }
}
