package io.archforge.study;

import io.archforge.execution.TrialExecutor;
import io.archforge.execution.TrialOutcome;
import io.archforge.execution.TrialTask;
import io.archforge.storage.StorageException;
import io.archforge.study.Study.StopReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop of {@link Study#optimize(TrialExecutor, Budget, StudyListener)}: keeps the
 * executor's parallelism in flight, records each outcome as it arrives, and on a stop
 * or time limit leaves the unfinished trials STALE.
 *
 * <p>In trial order, the default, the {@code k}-th trial this loop starts is proposed
 * once the strategy has learned the results of exactly the first
 * {@code k - parallelism + 1} trials it started, in start order. Each proposal then
 * rests on the same results however long each trial took, so the same seed and
 * parallelism replay the same trials. A slow trial holds back at most {@code parallelism - 1}
 * others. Without it, the strategy learns each result as it arrives.
 */
final class AsyncLoop {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncLoop.class);
    private static final long POLL_MILLIS = 1000;

    /** A trial in flight. */
    private record Running(Trial trial, CompletableFuture<TrialOutcome> future,
            AutoCloseable heartbeat) {
    }

    private final Study study;
    private final TrialExecutor executor;
    private final StudyListener listener;
    private final Map<Integer, Running> inFlight = new LinkedHashMap<>();
    private final BlockingQueue<Integer> done = new LinkedBlockingQueue<>();
    private final boolean inTrialOrder;
    /** The trials this loop started whose results the strategy has not learned, in start order. */
    private final Deque<Integer> unlearned = new ArrayDeque<>();
    /** The outcomes of unlearned trials: the finished trial, or empty when it went stale. */
    private final Map<Integer, Optional<FrozenTrial>> recorded = new HashMap<>();
    /** How many trials this loop started. */
    private int started;

    AsyncLoop(Study study, TrialExecutor executor, StudyListener listener,
            boolean inTrialOrder) {
        this.study = study;
        this.executor = executor;
        this.listener = listener;
        this.inTrialOrder = inTrialOrder;
    }

    StopReason run(Budget budget) {
        Instant deadline = budget.timeLimit().map(Instant.now()::plus).orElse(Instant.MAX);
        LOG.info("Study '{}': evaluating up to {} trials at once with the {} executor",
                study.config().name(), executor.parallelism(), executor.name());
        study.limitActiveTrials(budget);
        if (inTrialOrder) {
            study.deferLearning();
        }
        try {
            while (true) {
                if (study.isStopRequested()) {
                    return StopReason.INTERRUPTED;
                }
                if (!Instant.now().isBefore(deadline)) {
                    return StopReason.TIME_LIMIT;
                }
                Optional<StopReason> reason = fill(budget, deadline);
                if (!inFlight.isEmpty()) {
                    awaitOne(deadline);
                } else if (reason.isPresent() && (reason.get() != StopReason.TRIAL_BUDGET
                        || !study.othersStillRunning(budget))) {
                    return reason.get();
                } else {
                    study.waitForOtherWorkers(deadline);
                }
            }
        } finally {
            abandonAll();
            if (inTrialOrder) {
                learnUpTo(Integer.MAX_VALUE);
                study.takeDeferredResults(true).forEach(study::learn);
            }
            study.liftActiveLimit();
        }
    }

    /**
     * Starts trials until the executor is full or a budget forbids another one.
     *
     * @return the reason no more trials may start, or empty when the executor is full
     */
    private Optional<StopReason> fill(Budget budget, Instant deadline) {
        while (inFlight.size() < executor.parallelism() && readyForNext()) {
            Optional<StopReason> reason = study.stopBeforeNext(budget, deadline);
            if (reason.isPresent()) {
                return reason;
            }
            try {
                start(study.ask());
            } catch (TrialBudgetTakenException e) {
                return Optional.of(StopReason.TRIAL_BUDGET);
            }
        }
        return Optional.empty();
    }

    private void start(Trial trial) {
        listener.trialStarted(trial);
        AutoCloseable heartbeat = study.beat(trial);
        TrialTask task = new TrialTask(study.config().name(), trial.number(),
                trial.architecture().text(), trial.seed(), trial.attributes());
        CompletableFuture<TrialOutcome> future = executor.submit(task);
        inFlight.put(trial.number(), new Running(trial, future, heartbeat));
        started++;
        if (inTrialOrder) {
            unlearned.add(trial.number());
        }
        future.whenComplete((outcome, error) -> done.add(trial.number()));
    }

    /** Waits for one trial to end, until the deadline at most, and records it. */
    private void awaitOne(Instant deadline) {
        long millis = POLL_MILLIS;
        Instant now = Instant.now();
        if (now.plusMillis(millis).isAfter(deadline)) {
            millis = Math.max(0, Duration.between(now, deadline).toMillis());
        }
        Integer number;
        try {
            number = done.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            study.stop();
            return;
        }
        if (number == null) {
            return;
        }

        Running running = inFlight.remove(number);
        if (running == null) {
            return;
        }
        close(running);
        TrialOutcome outcome = outcome(running.future());
        if (outcome instanceof TrialOutcome.Failed && running.future().isCompletedExceptionally()
                && study.isStopRequested()) {
            // The executor broke down because this process is stopping: evaluate it again later.
            outcome = new TrialOutcome.Interrupted("stopped with the executor");
        }

        Optional<FrozenTrial> result = study.record(running.trial(), outcome);
        if (result.isPresent()) {
            LOG.info("Trial {} {}: {} {}", number, result.get().state(),
                    running.trial().architecture().text(), result.get().metrics());
            listener.trialFinished(result.get());
        } else {
            LOG.info("Trial {} stopped before it finished; it will be evaluated again", number);
        }
        learnInOrder(number);
    }

    /**
     * Returns whether the next trial may be proposed: always when results are learned
     * as they arrive; in trial order, once the first {@code started - parallelism + 1}
     * trials have ended, whose results it then passes to the strategy.
     */
    private boolean readyForNext() {
        if (!inTrialOrder) {
            return true;
        }
        int learned = started - unlearned.size();
        int needed = started - executor.parallelism() + 1;
        int missing = needed - learned;
        if (missing <= 0) {
            return true;
        }
        int count = 0;
        for (Integer number : unlearned) {
            if (count++ == missing) {
                break;
            }
            if (!recorded.containsKey(number)) {
                return false;
            }
        }
        learnUpTo(missing);
        return true;
    }

    /** Passes the results of the first {@code count} unlearned trials to the strategy, in start order. */
    private void learnUpTo(int count) {
        for (int i = 0; i < count && !unlearned.isEmpty()
                && recorded.containsKey(unlearned.peekFirst()); i++) {
            recorded.remove(unlearned.pollFirst()).ifPresent(study::learn);
        }
    }

    /** Keeps the result of trial {@code number}, which has ended, for {@link #readyForNext}. */
    private void learnInOrder(int number) {
        if (!inTrialOrder) {
            return;
        }
        for (FrozenTrial trial : study.takeDeferredResults(false)) {
            if (unlearned.contains(trial.number())) {
                recorded.put(trial.number(), Optional.of(trial));
            } else {
                study.learn(trial);
            }
        }
        recorded.putIfAbsent(number, Optional.empty());
    }

    private static TrialOutcome outcome(CompletableFuture<TrialOutcome> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new TrialOutcome.Failed("executor gave up: " + cause.getClass().getSimpleName()
                    + ": " + cause.getMessage());
        } catch (java.util.concurrent.CancellationException e) {
            return new TrialOutcome.Interrupted("cancelled");
        }
    }

    /** Cancels every trial still in flight and leaves it STALE. */
    private void abandonAll() {
        for (Running running : new ArrayList<>(inFlight.values())) {
            running.future().cancel(true);
            close(running);
            try {
                study.abandon(running.trial());
                LOG.info("Trial {} left stale: the loop stopped before it finished",
                        running.trial().number());
            } catch (StorageException e) {
                // The store failed, which may be why the loop stops; the trial stays
                // RUNNING and the next run marks it stale.
                LOG.warn("Trial {} could not be marked stale: {}", running.trial().number(),
                        e.getMessage());
            }
            learnInOrder(running.trial().number());
        }
        inFlight.clear();
    }

    private static void close(Running running) {
        try {
            running.heartbeat().close();
        } catch (Exception e) {
            LOG.debug("Stopping the heartbeat of trial {} failed: {}", running.trial().number(),
                    e.getMessage());
        }
    }
}
