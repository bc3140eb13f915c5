package io.archforge.app.domain.command;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the trial program: started without a shell, fed its input on standard
 * input, watched until it exits, times out or is stopped, and killed with every process
 * it started when it does not exit in time.
 */
final class CommandRun {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRun.class);

    /** Lines of standard error kept for the failure message. */
    static final int STDERR_LINES = 20;
    /** Lines of standard output kept; the metrics are on the last non-blank one. */
    private static final int STDOUT_LINES = 50;
    private static final long POLL_MILLIS = 100;
    private static final long DRAIN_MILLIS = 2000;

    /**
     * The outcome of a run.
     *
     * @param exitStatus the exit status, or -1 when the run was killed
     * @param timedOut whether the timeout killed it
     * @param stopped whether the study's stop request killed it
     * @param stdout the last lines of standard output
     * @param stderr the last lines of standard error
     */
    record Result(int exitStatus, boolean timedOut, boolean stopped, List<String> stdout,
            List<String> stderr) {
    }

    private CommandRun() {
    }

    /**
     * Runs {@code command} in {@code directory} with {@code environment} added, writes
     * {@code input} to its standard input and waits for it.
     *
     * @param shouldStop polled while the program runs; true kills it
     * @throws CommandTrialException when the program cannot be started
     */
    static Result run(List<String> command, Path directory, Map<String, String> environment,
            String input, Duration timeout, BooleanSupplier shouldStop) {
        Process process = start(command, directory, environment);
        OutputTail stdout = OutputTail.start(process.getInputStream(), STDOUT_LINES,
                "command-stdout");
        OutputTail stderr = OutputTail.start(process.getErrorStream(), STDERR_LINES,
                "command-stderr");
        writeInput(process, input);
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean timedOut = false;
        boolean stopped = false;
        while (!waitFor(process, POLL_MILLIS)) {
            if (System.nanoTime() >= deadline) {
                timedOut = true;
            } else if (shouldStop.getAsBoolean()) {
                stopped = true;
            } else {
                continue;
            }
            killTree(process);
            break;
        }
        // An interrupted wait killed the program, which counts as a stop request.
        stopped |= Thread.currentThread().isInterrupted();
        int status = timedOut || stopped ? -1 : process.exitValue();
        return new Result(status, timedOut, stopped, stdout.lines(DRAIN_MILLIS),
                stderr.lines(DRAIN_MILLIS));
    }

    private static Process start(List<String> command, Path directory,
            Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().putAll(environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new CommandTrialException("cannot start " + command + " in " + directory
                    + ": " + e.getMessage() + "; check that the program exists and is "
                    + "executable");
        }
    }

    /** Writes the input; a program that exits without reading it is not an error here. */
    private static void writeInput(Process process, String input) {
        try (OutputStream in = process.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
            in.write('\n');
        } catch (IOException e) {
            // The program closed standard input early, so its exit status decides the outcome.
        }
    }

    private static boolean waitFor(Process process, long millis) {
        try {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Kills the process and every process it started that is still running. */
    static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        awaitExit(process.toHandle());
        descendants.forEach(CommandRun::awaitExit);
    }

    private static void awaitExit(ProcessHandle handle) {
        try {
            handle.onExit().get(DRAIN_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Process {} did not exit {} ms after it was killed", handle.pid(),
                    DRAIN_MILLIS);
        }
    }
}
