package io.archforge.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs the independent tasks of a benchmark on a fixed number of threads. */
final class BenchTasks {

    private BenchTasks() {
    }

    /**
     * Runs every task and returns the results in task order, so the output does not
     * depend on the thread count.
     *
     * @param taskKind the kind of task, for the message of a failure that is not a runtime
     *     exception, such as {@code "latency run"}
     * @throws RuntimeException the first failed task's own exception
     */
    static <T> List<T> runAll(int threads, List<Callable<T>> tasks, String taskKind)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(taskKind + " failed", cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
