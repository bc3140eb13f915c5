package io.archforge.app.bench;

import io.archforge.app.cli.UsageException;
import io.archforge.app.load.LoadHarness;
import io.archforge.app.load.LoadReport;
import io.archforge.app.load.LoadSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archforge bench load}: many worker processes run one NAS-Bench-201 study in one
 * store ({@link LoadHarness}). It prints the throughput, the store errors the workers
 * wrote, and the checks of the stored trials, and exits with status 1 when a check
 * failed.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = {
            "Run one fresh NAS-Bench-201 study with many 'archforge worker' processes on one "
                + "store, and check that no store error reached a worker, that the study "
                + "ends with exactly its budget of finished trials numbered without gaps, and "
                + "that no architecture was evaluated twice.",
            "Exit status 1 when a check failed; the process logs are then kept."})
public final class LoadBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--storage", paramLabel = "URL",
            description = "The store: PATH, sqlite:PATH or postgresql://USER@127.0.0.1:PORT/DB "
                    + "(default: a fresh SQLite file in a temporary directory).")
    String storage;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "32",
            description = "Worker processes, each a JVM (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "5000",
            description = "Trial budget of the study (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--trial-delay", paramLabel = "DURATION",
            description = "Wait in every table look-up, such as 5ms (default: none).")
    String trialDelay;

    @Option(names = "--study", paramLabel = "NAME",
            description = "Name of the study to create (default: load-N-TIME, a fresh name).")
    String study;

    @Option(names = "--kill", paramLabel = "N", defaultValue = "0",
            description = "Workers to kill with SIGKILL while they evaluate a trial, spread "
                    + "over the budget, so that their trials go stale and are evaluated "
                    + "again (default: ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed that picks the workers to kill (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--process-timeout", paramLabel = "SECONDS", defaultValue = "3600",
            description = "Seconds the workers may run before they count as hung "
                    + "(default: ${DEFAULT-VALUE}).")
    int processTimeoutSeconds;

    @Mixin
    HarnessOutput output;

    @Override
    public Integer call() throws IOException, InterruptedException {
        return HarnessRun.run(spec, "load", output.json, scratch -> run(settings(scratch)),
                scratch -> "the process logs are in " + output.logs(scratch)
                        + (storage == null ? " and the SQLite store in " + scratch : ""));
    }

    private static LoadReport run(LoadSettings settings) throws IOException,
            InterruptedException {
        try {
            return new LoadHarness(settings).run();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + " (see archforge bench load --help)", e);
        }
    }

    private LoadSettings settings(Path scratch) {
        String store = storage == null ? "sqlite:" + scratch.resolve("studies.db")
                : HarnessRun.checkedStorage(storage);
        HarnessRun.requirePositiveTimeout(processTimeoutSeconds, 3600);
        String name = study != null ? study
                : "load-" + workers + "-" + System.currentTimeMillis();
        try {
            return new LoadSettings(store, name, workers, trials, Optional.ofNullable(trialDelay),
                    kills, seed, output.logs(scratch),
                    Duration.ofSeconds(processTimeoutSeconds));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + " (see archforge bench load --help)", e);
        }
    }
}
