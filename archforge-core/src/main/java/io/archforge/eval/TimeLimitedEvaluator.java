package io.archforge.eval;

import io.archforge.fidelity.Fidelity;
import io.archforge.space.Architecture;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An evaluator that gives each evaluation of another a time limit. The evaluation runs
 * on a daemon thread of its own while the caller waits. When the limit passes, the
 * evaluation's {@link EvaluationContext#shouldStop()} turns true, its
 * {@link EvaluationContext#report} throws, and its thread is interrupted. The
 * evaluation then has a grace period to return; after that it is abandoned on its
 * thread. Either way the call throws {@link TrialTimeoutException}, so the trial
 * fails, and the result of an evaluation that returns in the grace period is dropped.
 *
 * <p>Errors of the evaluation reach the caller unchanged, {@link OutOfMemoryError}
 * included. The wrapped context forwards every method of {@link EvaluationContext}.
 *
 * <p>NOTE: an abandoned evaluation runs on until it returns by itself, and it keeps
 * using the wrapped evaluator. The next evaluation may thus run beside it, so an
 * evaluator that keeps state between evaluations must allow that, or stop when
 * interrupted.
 */
public final class TimeLimitedEvaluator extends ForwardingEvaluator {

    /** The default time an evaluation has to return after it was asked to stop. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(TimeLimitedEvaluator.class);

    private final Duration limit;
    private final Duration grace;

    /** Wraps {@code delegate} with a time limit and the default grace period. */
    public TimeLimitedEvaluator(Evaluator delegate, Duration limit) {
        this(delegate, limit, DEFAULT_GRACE);
    }

    /**
     * Wraps {@code delegate} with a time limit per evaluation.
     *
     * @param grace how long an evaluation asked to stop may take to return before it is
     *     abandoned
     * @throws IllegalArgumentException when the limit is not positive or the grace
     *     period is negative
     */
    public TimeLimitedEvaluator(Evaluator delegate, Duration limit, Duration grace) {
        super(delegate);
        requireValid(limit, grace);
        this.limit = limit;
        this.grace = grace;
    }

    /**
     * Checks a time limit and a grace period.
     *
     * @throws IllegalArgumentException when the limit is not positive or the grace
     *     period is negative
     */
    public static void requireValid(Duration limit, Duration grace) {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(grace, "grace");
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("invalid trial time limit " + limit
                    + ": it must be positive, such as 10 minutes");
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("invalid grace period " + grace
                    + ": it must be 0 or more, such as 10 seconds");
        }
    }

    /** Returns the time limit of each evaluation. */
    public Duration limit() {
        return limit;
    }

    /**
     * Evaluates {@code architecture} with the wrapped evaluator on a new daemon thread.
     *
     * @throws TrialTimeoutException when the evaluation did not return within the limit
     * @throws EvaluationInterruptedException when {@code context} asked the evaluation to
     *     stop, or the calling thread was interrupted while it waited
     */
    @Override
    public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
        LimitedContext limited = new LimitedContext(context);
        CompletableFuture<Evaluation> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(delegate().evaluate(architecture, limited));
            } catch (Throwable e) {
                // Every error goes to the caller, which decides about the trial.
                result.completeExceptionally(e);
            }
        }, "archforge-trial-" + context.trialNumber());
        thread.setDaemon(true);
        thread.start();
        try {
            return unwrap(result, limit);
        } catch (TimeoutException e) {
            throw expire(thread, limited, result, context);
        } catch (InterruptedException e) {
            limited.expire();
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new EvaluationInterruptedException("interrupted while waiting for trial "
                    + context.trialNumber());
        }
    }

    /**
     * Asks a late evaluation to stop and waits the grace period for it.
     *
     * @return the exception to throw: the study's own stop when it stopped the
     *     evaluation, else the time-out
     */
    private RuntimeException expire(Thread thread, LimitedContext limited,
            CompletableFuture<Evaluation> result, EvaluationContext context) {
        limited.expire();
        thread.interrupt();
        boolean returned = awaitQuietly(result, grace);
        if (returned && context.shouldStop() && result.isCompletedExceptionally()) {
            Throwable cause = causeOf(result);
            if (cause instanceof EvaluationInterruptedException stopped) {
                return stopped;
            }
        }
        if (!returned) {
            LOG.warn("Trial {} exceeded its time limit of {} and did not stop within {} ms; "
                    + "abandoning its evaluation on thread {}", context.trialNumber(),
                    TrialTimeoutException.format(limit), grace.toMillis(), thread.getName());
        }
        return new TrialTimeoutException(limit, !returned);
    }

    /** Waits for {@code result} up to {@code timeout} and returns its value or rethrows its error. */
    private static Evaluation unwrap(CompletableFuture<Evaluation> result, Duration timeout)
            throws TimeoutException, InterruptedException {
        try {
            return result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("evaluation failed: " + cause, cause);
        }
    }

    /** Waits for {@code result} up to {@code timeout} and returns whether it completed. */
    private static boolean awaitQuietly(CompletableFuture<Evaluation> result, Duration timeout) {
        try {
            result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (ExecutionException e) {
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return result.isDone();
        }
    }

    private static Throwable causeOf(CompletableFuture<Evaluation> result) {
        try {
            result.join();
            return null;
        } catch (RuntimeException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    /** The context of a time-limited evaluation: the study's, until the limit passes. */
    private static final class LimitedContext implements EvaluationContext {
        private final EvaluationContext context;
        private volatile boolean expired;

        LimitedContext(EvaluationContext context) {
            this.context = context;
        }

        void expire() {
            expired = true;
        }

        @Override
        public int trialNumber() {
            return context.trialNumber();
        }

        @Override
        public long seed() {
            return context.seed();
        }

        @Override
        public void report(int step, String metric, double value) {
            if (expired) {
                throw new EvaluationInterruptedException("trial " + context.trialNumber()
                        + " exceeded its time limit before reporting step " + step);
            }
            context.report(step, metric, value);
        }

        @Override
        public boolean shouldStop() {
            return expired || context.shouldStop();
        }

        @Override
        public Optional<Fidelity> fidelity() {
            return context.fidelity();
        }

        @Override
        public boolean earlyStopping() {
            return context.earlyStopping();
        }

        @Override
        public boolean shouldPrune() {
            return !expired && context.shouldPrune();
        }
    }
}
