package io.archforge.execution;

import io.archforge.eval.Evaluator;
import io.archforge.eval.TrialTimeoutException;
import io.archforge.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates trials on a pool of threads in this JVM. Evaluators need not be
 * thread-safe, so each thread builds its own from the recipe on its first task. A
 * thread whose evaluation was abandoned after its time limit ({@link TrialTimeoutException})
 * builds a new one for its next task, because the abandoned evaluation may still use
 * the old one. The executor closes all of them when it closes.
 */
public final class LocalTrialExecutor implements TrialExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(LocalTrialExecutor.class);

    private final EvaluationRecipe recipe;
    private final int threads;
    private final ExecutorService pool;
    private final SearchSpace space;
    private final ThreadLocal<Evaluator> evaluators = new ThreadLocal<>();
    private final List<Evaluator> built = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * Creates a pool of {@code threads} threads.
     *
     * @throws IllegalArgumentException when {@code threads} is below 1
     */
    public LocalTrialExecutor(EvaluationRecipe recipe, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a local executor needs at least 1 thread, not "
                    + threads);
        }
        this.recipe = recipe;
        this.threads = threads;
        this.space = recipe.space();
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "archforge-trial-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public CompletableFuture<TrialOutcome> submit(TrialTask task) {
        CompletableFuture<TrialOutcome> result = new CompletableFuture<>();
        pool.execute(() -> {
            if (result.isDone()) {
                return;
            }
            try {
                result.complete(TrialRunner.run(space, evaluator(), task,
                        () -> result.isCancelled() || closed.get(), this::afterFailure));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Lets this thread build a new evaluator when the failed one may still be in use. */
    private void afterFailure(Throwable error) {
        if (error instanceof TrialTimeoutException timeout && timeout.abandoned()) {
            LOG.info("Thread {} builds a new evaluator: the abandoned evaluation may still use "
                    + "its current one", Thread.currentThread().getName());
            evaluators.remove();
        }
    }

    private Evaluator evaluator() {
        Evaluator evaluator = evaluators.get();
        if (evaluator == null) {
            evaluator = recipe.evaluator();
            evaluators.set(evaluator);
            synchronized (built) {
                built.add(evaluator);
            }
        }
        return evaluator;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        pool.shutdownNow();
        synchronized (built) {
            for (Evaluator evaluator : built) {
                try {
                    evaluator.close();
                } catch (RuntimeException e) {
                    LOG.warn("Closing an evaluator failed: {}", e.getMessage());
                }
            }
        }
    }
}
