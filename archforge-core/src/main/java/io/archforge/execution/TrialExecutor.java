package io.archforge.execution;

import java.util.concurrent.CompletableFuture;

/**
 * Evaluates trials asynchronously, several at a time, so that a study keeps
 * {@link #parallelism()} trials in flight (see
 * {@link io.archforge.study.Study#optimize(TrialExecutor, io.archforge.study.Budget,
 * io.archforge.study.StudyListener)}).
 *
 * <p>The future of a task completes with its {@link TrialOutcome}; it completes
 * exceptionally only when the executor itself failed, for example when a cluster gave
 * up on the task after its retries. Cancelling the future stops the task where the
 * executor can.
 */
public interface TrialExecutor extends AutoCloseable {

    /** The executor's name, such as {@code local} or {@code spark}. */
    String name();

    /** How many trials it evaluates at once. */
    int parallelism();

    /** Starts evaluating {@code task}. */
    CompletableFuture<TrialOutcome> submit(TrialTask task);

    /** Stops the running tasks and releases the executor's resources. */
    @Override
    void close();
}
