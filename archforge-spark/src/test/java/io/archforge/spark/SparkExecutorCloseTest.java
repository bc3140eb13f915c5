package io.archforge.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.execution.ExecutorSettings;
import io.archforge.execution.TrialOutcome;
import io.archforge.execution.TrialTask;
import io.archforge.space.CellSpace;
import io.archforge.spark.ProbeRecipe.Behaviour;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Closing the executor while a trial runs. This class starts its own Spark context. */
class SparkExecutorCloseTest {

    @Test
    void closeStopsRunningTrial() throws Exception {
        ProbeRecipe.reset();
        ProbeRecipe.BEHAVIOURS.put(0, Behaviour.HANG);
        String architecture = CellSpace.nb201().sample(new Random(5)).text();
        TrialTask task = new TrialTask("closing", 0, architecture, 1, Map.of());
        SparkTrialExecutor executor = SparkTrialExecutor.start(new ProbeRecipe(50),
                new ExecutorSettings(Optional.of(1), Optional.empty(), Map.of()));
        CompletableFuture<TrialOutcome> future;
        try {
            assertThat(executor.master().url()).isEqualTo("local[1,3]");
            future = executor.submit(task);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (ProbeRecipe.RUNNING.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(ProbeRecipe.RUNNING.get()).isEqualTo(1);
        } finally {
            executor.close();
        }

        assertThatThrownBy(() -> future.get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("closed before trial 0");
        assertThat(ProbeRecipe.STOPS_SEEN.get()).isEqualTo(1);
        assertThat(ProbeRecipe.RUNNING.get()).isZero();
        assertThatThrownBy(() -> executor.submit(task))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void stoppedContextLeavesTrialsInterrupted() throws Exception {
        ProbeRecipe.reset();
        ProbeRecipe.BEHAVIOURS.put(0, Behaviour.HANG);
        String architecture = CellSpace.nb201().sample(new Random(6)).text();
        TrialTask task = new TrialTask("stopping", 0, architecture, 1, Map.of());
        SparkTrialExecutor executor = SparkTrialExecutor.start(new ProbeRecipe(50),
                new ExecutorSettings(Optional.of(1), Optional.empty(), Map.of()));
        try {
            CompletableFuture<TrialOutcome> running = executor.submit(task);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (ProbeRecipe.RUNNING.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            // As Spark's shutdown hook does when the JVM gets SIGTERM.
            executor.sparkContext().stop();

            assertThat(running.get(20, TimeUnit.SECONDS))
                    .isInstanceOf(TrialOutcome.Interrupted.class);
            assertThat(executor.submit(task).get(5, TimeUnit.SECONDS))
                    .isInstanceOf(TrialOutcome.Interrupted.class);
        } finally {
            executor.close();
        }
    }
}
