package io.archforge.fuzz;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one parse in its own thread under a time limit, so that a fuzzed input that makes
 * a parser hang fails its property instead of stalling the build, and measures the heap
 * memory the parse allocates.
 */
public final class Deadline {

    /** The time one parse of a fuzzed input may take. */
    public static final Duration PARSE = Duration.ofSeconds(10);

    private static final com.sun.management.ThreadMXBean THREAD_BEAN =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static final ExecutorService THREADS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fuzz-parse");
        thread.setDaemon(true);
        return thread;
    });

    private Deadline() {
    }

    /**
     * The end of one parse: the value it returned, or the exception or error it threw.
     *
     * @param value the returned value, or null when the parse threw
     * @param failure what the parse threw, or null when it returned
     * @param allocatedBytes the heap bytes the parse allocated, or -1 when the JVM does not
     *     measure them
     * @param elapsed the time the parse took
     */
    public record Outcome<T>(T value, Throwable failure, long allocatedBytes, Duration elapsed) {

        /** Returns whether the parse returned normally. */
        public boolean returned() {
            return failure == null;
        }
    }

    /**
     * Runs {@code parse} in a daemon thread and waits at most {@code limit} for it.
     *
     * @param input the input, for the message when the parse hangs
     * @throws AssertionError when the parse runs longer than {@code limit}
     */
    public static <T> Outcome<T> run(Duration limit, String input, Callable<T> parse) {
        Future<Outcome<T>> future = THREADS.submit(() -> measured(parse));
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("fuzz harness failed on input "
                    + Mutations.abbreviate(input), e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("parse still running after " + limit.toSeconds()
                    + " s on input " + Mutations.abbreviate(input));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while parsing " + Mutations.abbreviate(input),
                    e);
        }
    }

    /** Runs {@code parse} under the default limit {@link #PARSE}. */
    public static <T> Outcome<T> run(String input, Callable<T> parse) {
        return run(PARSE, input, parse);
    }

    /** Runs {@code parse} in the calling thread, catching whatever it throws. */
    private static <T> Outcome<T> measured(Callable<T> parse) {
        long before = allocated();
        long start = System.nanoTime();
        T value = null;
        Throwable failure = null;
        try {
            value = parse.call();
        } catch (Throwable e) {
            // Errors too: a StackOverflowError or OutOfMemoryError is a finding.
            failure = e;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        long after = allocated();
        return new Outcome<>(value, failure, before < 0 ? -1 : after - before, elapsed);
    }

    private static long allocated() {
        return THREAD_BEAN.isThreadAllocatedMemorySupported()
                && THREAD_BEAN.isThreadAllocatedMemoryEnabled()
                ? THREAD_BEAN.getCurrentThreadAllocatedBytes() : -1;
    }
}
