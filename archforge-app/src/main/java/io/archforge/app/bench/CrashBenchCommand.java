package io.archforge.app.bench;

import io.archforge.app.cli.UsageException;
import io.archforge.app.reliability.CrashHarness;
import io.archforge.app.reliability.CrashSettings;
import io.archforge.app.reliability.CrashStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archforge bench crash}: kills NAS-Bench-201 searches with SIGKILL inside trials,
 * during store writes and during restarts, restarts each with the same command, and
 * checks that no completed trial is lost, changed or counted twice and that every study
 * ends as one that was never killed ({@link CrashHarness}). It exits with status 1 when a
 * promise broke.
 */
@Command(name = "crash", mixinStandardHelpOptions = true,
        description = {
            "Kill NAS-Bench-201 searches with SIGKILL at random moments, restart them with "
                + "the same command, and check that every completed trial survives and that "
                + "each study ends as an uninterrupted run with the same seed does.",
            "Exit status 1 when a check failed; the process logs are then kept."})
public final class CrashBenchCommand implements Callable<Integer> {

    private static final List<String> STRATEGIES =
            List.of("evolution", "random", "reinforce", "local-search", "bananas");

    @Spec
    CommandSpec spec;

    @Option(names = "--storage", paramLabel = "URL",
            description = "Store shared by every study, such as postgresql://USER@127.0.0.1:"
                    + "PORT/DB; each study gets a fresh name (default: a fresh SQLite file per "
                    + "study in a temporary directory).")
    String storage;

    @Option(names = "--kills", paramLabel = "N", defaultValue = "200",
            description = "Kills in all (default: ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--kills-per-study", paramLabel = "N", defaultValue = "6",
            description = "Kills of one study before it runs to the end "
                    + "(default: ${DEFAULT-VALUE}).")
    int killsPerStudy;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "60",
            description = "Trial budget of every study (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--strategy", paramLabel = "NAME", split = ",",
            description = "Strategies used in turn, comma-separated "
                    + "(default: evolution,random,reinforce,local-search,bananas).")
    List<String> strategies;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "Seed of the first study; study i uses S + i. It also seeds the "
                    + "kill timing (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--trial-delay-ms", paramLabel = "MS", defaultValue = "200",
            description = "The --trial-delay of every other study, in milliseconds "
                    + "(default: ${DEFAULT-VALUE}).")
    int trialDelayMillis;

    @Option(names = "--no-delay-check",
            description = "Skip the run without the delay that shows, once per strategy, "
                    + "that --trial-delay changes no trial.")
    boolean noDelayCheck;

    @Option(names = "--process-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Seconds a search process may run before it counts as hung "
                    + "(default: ${DEFAULT-VALUE}).")
    int processTimeoutSeconds;

    @Mixin
    HarnessOutput output;

    @Override
    public Integer call() throws IOException, InterruptedException {
        return HarnessRun.run(spec, "crash", output.json,
                scratch -> new CrashHarness(settings(scratch)).run(),
                scratch -> "the SQLite stores are in " + scratch + " and the process logs in "
                        + output.logs(scratch));
    }

    private CrashSettings settings(Path scratch) {
        CrashStore store = storage == null ? new CrashStore.SqliteFiles(scratch)
                : new CrashStore.Shared(HarnessRun.checkedStorage(storage));
        HarnessRun.requirePositiveTimeout(processTimeoutSeconds, 600);
        try {
            return new CrashSettings(store, strategies == null ? STRATEGIES : strategies, trials,
                    seed, kills, killsPerStudy, trialDelayMillis, !noDelayCheck,
                    output.logs(scratch), Duration.ofSeconds(processTimeoutSeconds));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + " (see archforge bench crash --help)");
        }
    }
}
