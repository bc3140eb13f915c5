package io.archforge.study;

import io.archforge.execution.TrialExecutor;
import io.archforge.execution.TrialOutcome;
import io.archforge.execution.TrialTask;
import io.archforge.study.Study.StopReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    AsyncLoop(Study study, TrialExecutor executor, StudyListener listener) {
        this.study = study;
        this.executor = executor;
        this.listener = listener;
    }

    StopReason run(Budget budget) {
        Instant deadline = budget.timeLimit().map(Instant.now()::plus).orElse(Instant.MAX);
        LOG.info("Study '{}': evaluating up to {} trials at once with the {} executor",
                study.config().name(), executor.parallelism(), executor.name());
        study.limitActiveTrials(budget);
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
            study.liftActiveLimit();
        }
    }

    /**
     * Starts trials until the executor is full or a budget forbids another one.
     *
     * @return the reason no more trials may start, or empty when the executor is full
     */
    private Optional<StopReason> fill(Budget budget, Instant deadline) {
        while (inFlight.size() < executor.parallelism()) {
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

        Optional<FrozenTrial> recorded = study.record(running.trial(), outcome);
        if (recorded.isPresent()) {
            LOG.info("Trial {} {}: {} {}", number, recorded.get().state(),
                    running.trial().architecture().text(), recorded.get().metrics());
            listener.trialFinished(recorded.get());
        } else {
            LOG.info("Trial {} stopped before it finished; it will be evaluated again", number);
        }
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
            study.abandon(running.trial());
            LOG.info("Trial {} left stale: the loop stopped before it finished",
                    running.trial().number());
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
