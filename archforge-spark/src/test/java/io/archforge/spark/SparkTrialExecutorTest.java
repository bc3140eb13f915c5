package io.archforge.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.execution.ExecutorSettings;
import io.archforge.execution.TrialOutcome;
import io.archforge.execution.TrialRunner;
import io.archforge.execution.TrialTask;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.SearchSpace;
import io.archforge.spark.ProbeRecipe.Behaviour;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs trials on one Spark context in local mode, {@code local[2,3]}, for all tests. */
class SparkTrialExecutorTest {

    private static final ProbeRecipe RECIPE = new ProbeRecipe(300);
    private static final SearchSpace SPACE = CellSpace.nb201();
    private static final JobLog JOBS = new JobLog();
    private static SparkTrialExecutor executor;

    /** Job groups and results of the Spark jobs, by job id. */
    static final class JobLog extends SparkListener {
        final Map<Integer, String> groups = new ConcurrentHashMap<>();
        final Map<Integer, String> results = new ConcurrentHashMap<>();

        @Override
        public void onJobStart(SparkListenerJobStart start) {
            groups.put(start.jobId(), start.properties().getProperty("spark.jobGroup.id", ""));
        }

        @Override
        public void onJobEnd(SparkListenerJobEnd end) {
            results.put(end.jobId(), end.jobResult().toString());
        }
    }

    @BeforeAll
    static void startSpark() {
        executor = SparkTrialExecutor.start(RECIPE, new ExecutorSettings(Optional.empty(),
                Optional.of("local[2,3]"), Map.of()));
        executor.sparkContext().sc().addSparkListener(JOBS);
    }

    @AfterAll
    static void stopSpark() {
        if (executor != null) {
            executor.close();
        }
    }

    @BeforeEach
    void resetProbe() {
        ProbeRecipe.reset();
    }

    private static TrialTask task(int number) {
        Architecture architecture = SPACE.sample(new Random(1000 + number));
        return new TrialTask("probe", number, architecture.text(), 7L * number, Map.of());
    }

    private static double expectedScore(TrialTask task) {
        return ProbeRecipe.score(SPACE.parse(task.architecture()), task.seed());
    }

    private static TrialOutcome.Completed completed(CompletableFuture<TrialOutcome> future)
            throws Exception {
        TrialOutcome outcome = future.get(60, TimeUnit.SECONDS);
        assertThat(outcome).isInstanceOf(TrialOutcome.Completed.class);
        return (TrialOutcome.Completed) outcome;
    }

    @Test
    void parallelismFollowsLocalThreads() {
        assertThat(executor.name()).isEqualTo("spark");
        assertThat(executor.parallelism()).isEqualTo(2);
        assertThat(executor.master().localAttempts()).hasValue(3);
    }

    @Test
    void trialsRunTwoAtOnce() throws Exception {
        List<TrialTask> tasks = new ArrayList<>();
        List<CompletableFuture<TrialOutcome>> futures = new ArrayList<>();
        for (int number = 0; number < 6; number++) {
            TrialTask task = task(number);
            tasks.add(task);
            futures.add(executor.submit(task));
        }

        for (int i = 0; i < tasks.size(); i++) {
            TrialOutcome.Completed outcome = completed(futures.get(i));
            assertThat(outcome.metrics()).containsEntry("score", expectedScore(tasks.get(i)));
        }
        assertThat(ProbeRecipe.MAX_RUNNING.get()).isEqualTo(2);
        assertThat(ProbeRecipe.BUILT.get()).as("evaluators built for 6 trials on 2 threads")
                .isBetween(0, 2);
    }

    @Test
    void crashedTaskIsRetriedWithSameResult() throws Exception {
        TrialTask task = task(10);
        ProbeRecipe.BEHAVIOURS.put(10, Behaviour.CRASH_FIRST_ATTEMPT);

        TrialOutcome.Completed outcome = completed(executor.submit(task));

        assertThat(ProbeRecipe.attempts(10)).isEqualTo(2);
        TrialOutcome direct = TrialRunner.run(SPACE, RECIPE.evaluator(), task, () -> false);
        assertThat(outcome).isEqualTo(direct);
        assertThat(outcome.metrics()).containsEntry("score", expectedScore(task));
    }

    @Test
    void evaluationErrorFailsTrialWithoutRetry() throws Exception {
        ProbeRecipe.BEHAVIOURS.put(11, Behaviour.FAIL);

        TrialOutcome outcome = executor.submit(task(11)).get(60, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(TrialOutcome.Failed.class);
        assertThat(((TrialOutcome.Failed) outcome).error())
                .contains("IllegalStateException", "trial 11 has no valid result");
        assertThat(ProbeRecipe.attempts(11)).isEqualTo(1);
    }

    @Test
    void repeatedCrashFailsFuture() {
        ProbeRecipe.BEHAVIOURS.put(12, Behaviour.CRASH_ALWAYS);

        CompletableFuture<TrialOutcome> future = executor.submit(task(12));

        assertThatThrownBy(() -> future.get(60, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("SimulatedCrash")
                .hasMessageContaining("failed 3 times");
        assertThat(ProbeRecipe.attempts(12)).isEqualTo(3);
    }

    @Test
    void cancellingFutureCancelsJob() throws Exception {
        ProbeRecipe.BEHAVIOURS.put(13, Behaviour.HANG);
        long start = System.nanoTime();
        CompletableFuture<TrialOutcome> future = executor.submit(task(13));
        awaitUntil(() -> ProbeRecipe.RUNNING.get() == 1);

        assertThat(future.cancel(true)).isTrue();

        awaitUntil(() -> ProbeRecipe.STOPS_SEEN.get() == 1);
        awaitUntil(() -> executor.sparkContext().statusTracker().getActiveJobIds().length == 0);
        awaitUntil(() -> JOBS.results.keySet().stream()
                .anyMatch(job -> JOBS.groups.getOrDefault(job, "").contains(":trial-13:")));
        int job = JOBS.groups.entrySet().stream()
                .filter(entry -> entry.getValue().startsWith("archforge:probe:trial-13:"))
                .mapToInt(Map.Entry::getKey).findFirst().orElseThrow();
        assertThat(JOBS.results.get(job)).contains("cancelled");
        assertThat(future).isCancelled();
        assertThatThrownBy(future::join).isInstanceOf(CancellationException.class);
        assertThat(System.nanoTime() - start).as("nanoseconds until the hanging trial stopped")
                .isLessThan(TimeUnit.SECONDS.toNanos(20));
        assertThat(ProbeRecipe.attempts(13)).isEqualTo(1);
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("time out waiting for a condition")
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
