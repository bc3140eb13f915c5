package io.archforge.app.reliability;

import io.archforge.app.child.ChildJvms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One {@code archforge} process started by the crash harness: the running JVM's java and
 * class path with DJL kept offline, stdout and stderr in files named after the process.
 */
final class SearchChild {

    /** The heap of each search: the replay of a long study needs more than a worker's. */
    private static final int HEAP_MB = 512;

    private final Process process;
    private final Path out;
    private final Path err;
    private final long startNanos;

    private SearchChild(Process process, Path out, Path err, long startNanos) {
        this.process = process;
        this.out = out;
        this.err = err;
        this.startNanos = startNanos;
    }

    /**
     * Starts {@code archforge ARGS...} with its output in {@code NAME.out} and
     * {@code NAME.err} in {@code dir}.
     */
    static SearchChild start(Path dir, String name, List<String> args) throws IOException {
        Process process = ChildJvms.start(dir, name, args, HEAP_MB);
        Path out = ChildJvms.stdout(dir, name);
        Path err = ChildJvms.stderr(dir, name);
        return new SearchChild(process, out, err, System.nanoTime());
    }

    /** Returns the process id. */
    long pid() {
        return process.pid();
    }

    /** Returns whether the process still runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** Returns the time since the process started. */
    Duration age() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Returns the process's exit status; call only once it has exited. */
    int exitValue() {
        return process.exitValue();
    }

    /**
     * Kills the process with SIGKILL and waits until it is gone, so that its process id
     * no longer counts as a live worker.
     *
     * @return the exit status: 137 when the kill ended it, its own when it exited first
     */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException("process " + process.pid()
                    + " still runs a minute after SIGKILL");
        }
        return process.exitValue();
    }

    /**
     * Waits for the process to exit within {@code limit}.
     *
     * @return the exit status, or empty when it still runs
     */
    OptionalInt await(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(process.exitValue());
    }

    /** Returns what the process wrote to stdout so far. */
    String stdout() {
        return read(out);
    }

    /** Returns what the process wrote to stderr so far: its log. */
    String stderr() {
        return read(err);
    }

    /**
     * Returns the last {@code count} lines of stderr that are not stack frames, for error
     * messages: the log lines and the exception lines.
     */
    String stderrTail(int count) {
        List<String> lines = stderr().lines()
                .filter(line -> !line.startsWith("\tat ") && !line.startsWith("\t..."))
                .toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - count),
                lines.size()));
    }

    private static String read(Path file) {
        try {
            // A line may be half written, so bytes that do not decode yet are replaced.
            return Files.exists(file)
                    ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the process output " + file, e);
        }
    }
}
