package io.archforge.app.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills {@code archforge search} with SIGKILL at random moments and checks that no kill
 * costs a result. Each study runs a NAS-Bench-201 search on CIFAR-10 as a separate JVM and
 * kills it a few times: inside a trial, during store writes, or during the restart that
 * follows a kill. After each kill it restarts the search with the same command, and
 * finally it runs the search to the end. After every kill the store must still contain
 * every COMPLETE trial unchanged, number its trials without a gap, contain no
 * architecture in two COMPLETE trials and retry each STALE trial at most once under its
 * own seed. At the end the COMPLETE trials must equal, in order, architecture, seed and
 * metrics, those of the same command run without a kill.
 *
 * <p>Study {@code i} uses the kill modes in turn, starting with a kill during start-up in
 * every second pair of studies, so that some kills also land while a study is created.
 */
public final class CrashHarness {

    private static final Logger LOG = LoggerFactory.getLogger(CrashHarness.class);
    /** Mixed into the seed for the kill timing, so that it differs from the search seed. */
    private static final long TIMING_SALT = 0x4B494C4C54494D45L;

    private final CrashSettings settings;

    /** Creates a harness with {@code settings}. */
    public CrashHarness(CrashSettings settings) {
        this.settings = settings;
    }

    /**
     * Runs studies until the planned kills are done.
     *
     * @return the counts, the start-up times and every broken promise
     * @throws IOException when a process cannot be started or its output not written
     */
    public CrashReport run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        Files.createDirectories(settings.workDir());
        String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        SplittableRandom random = new SplittableRandom(settings.seed() ^ TIMING_SALT);
        StartupTimes startup = new StartupTimes();
        CrashTally tally = new CrashTally();
        Set<String> delayChecked = new HashSet<>();
        int planned = (settings.kills() + settings.killsPerStudy() - 1) / settings.killsPerStudy();
        // A study whose process finishes before a kill makes fewer kills than planned.
        int maxStudies = 2 * planned + 2;

        for (int index = 0; tally.totalKills() < settings.kills() && index < maxStudies;
                index++) {
            int count = Math.min(settings.killsPerStudy(),
                    settings.kills() - tally.totalKills());
            boolean delayed = settings.delayed(index);
            boolean check = settings.delayCheck() && delayed
                    && delayChecked.add(settings.strategy(index));
            CrashStudy.Plan plan = new CrashStudy.Plan(index, "crash-" + runId + "-" + index,
                    modes(index, delayed, count), check);
            new CrashStudy(settings, plan, startup, random.split(), tally).run();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        CrashReport report = tally.report(settings.store().describe(), settings, startup,
                elapsed);
        LOG.info("Crash harness: {} kills in {} studies, {} violations, {} s",
                report.totalKills(), report.studies(), report.violations().size(),
                elapsed.toSeconds());
        return report;
    }

    /**
     * Returns the kill modes of study {@code index}: inside trials with the delay, during
     * writes without it, alternating with kills during a restart. Studies 2, 3, 6, 7 and
     * so on begin with a restart kill, which then lands in the study's first start.
     */
    static List<KillMode> modes(int index, boolean delayed, int count) {
        KillMode running = delayed ? KillMode.TRIAL : KillMode.WRITE;
        List<KillMode> cycle = List.of(running, KillMode.RESUME);
        int offset = (index / 2) % 2;
        List<KillMode> modes = new ArrayList<>();
        for (int kill = 0; kill < count; kill++) {
            modes.add(cycle.get((kill + offset) % 2));
        }
        return modes;
    }
}
