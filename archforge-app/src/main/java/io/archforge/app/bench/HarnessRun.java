package io.archforge.app.bench;

import io.archforge.app.child.HarnessReport;
import io.archforge.app.cli.UsageException;
import io.archforge.app.output.Json;
import io.archforge.storage.StorageException;
import io.archforge.store.jdbc.Storages;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs a harness of child processes for a {@code bench} command in a scratch directory:
 * prints its report, and keeps the directory when a check failed, removing it otherwise.
 */
final class HarnessRun {

    /** A harness that works in a scratch directory. */
    @FunctionalInterface
    interface Harness {
        HarnessReport run(Path scratch) throws IOException, InterruptedException;
    }

    private HarnessRun() {
    }

    /**
     * Runs {@code harness} and prints its report as JSON or text.
     *
     * @param name the harness's name in the failure line, such as {@code crash}
     * @param kept the files the failure line reports as kept, given the scratch directory
     * @return 0 when every check passed, else 1
     */
    static int run(CommandSpec spec, String name, boolean json, Harness harness,
            Function<Path, String> kept)
            throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("archforge-" + name);
        boolean keep = false;
        try {
            HarnessReport report = harness.run(scratch);
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? Json.write(report.toJson()) + System.lineSeparator()
                    : report.toText());
            out.flush();
            if (report.passed()) {
                return 0;
            }
            keep = true;
            spec.commandLine().getErr().println(name + " checks failed: " + kept.apply(scratch));
            return 1;
        } finally {
            if (!keep) {
                deleteTree(scratch);
            }
        }
    }

    /**
     * Returns {@code storage} once it is known to be a readable store URL.
     *
     * @throws UsageException naming the value and the fix
     */
    static String checkedStorage(String storage) {
        try {
            Storages.sqliteFile(storage);
            return storage;
        } catch (StorageException e) {
            throw new UsageException("invalid --storage: " + e.getMessage(), e);
        }
    }

    /**
     * Checks a {@code --process-timeout} value.
     *
     * @throws UsageException naming the value and an example
     */
    static void requirePositiveTimeout(int seconds, int example) {
        if (seconds < 1) {
            throw new UsageException("invalid --process-timeout " + seconds
                    + ": give a number of seconds of at least 1, such as " + example);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the temporary directory " + root, e);
        }
    }
}
