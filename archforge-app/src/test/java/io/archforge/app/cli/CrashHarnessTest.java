package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.app.reliability.CrashHarness;
import io.archforge.app.reliability.CrashReport;
import io.archforge.app.reliability.CrashSettings;
import io.archforge.app.reliability.CrashStore;
import io.archforge.app.reliability.KillMode;
import io.archforge.app.reliability.Landing;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NAS-Bench-201 searches on SQLite are killed with SIGKILL inside a trial, during store
 * writes and during restarts (two kills of each), then restarted with the same command. No
 * completed trial is lost or changed, numbering has no gap, and no architecture completes
 * twice. Each study ends with the same completed trials as a run that was never killed.
 */
class CrashHarnessTest {

    @TempDir
    Path dir;

    @Test
    void killedSqliteSearchesLoseNothing() throws Exception {
        CrashReport report = new CrashHarness(settings(new CrashStore.SqliteFiles(dir), dir))
                .run();

        assertPromisesHeld(report);
    }

    /**
     * Returns the settings of a short run: two studies of 30 trials, three kills each, the
     * first with a 200 ms trial delay and a check that the delay changes no trial.
     */
    static CrashSettings settings(CrashStore store, Path logs) {
        return new CrashSettings(store, List.of("evolution", "local-search"), 30, 7, 6, 3, 200,
                true, logs, Duration.ofMinutes(3));
    }

    /** Checks the report of a short run: no violation, and every mode of kill exercised. */
    static void assertPromisesHeld(CrashReport report) {
        System.out.print(report.toText());
        assertThat(report.violations()).as("violations").isEmpty();
        assertThat(report.totalKills()).isGreaterThanOrEqualTo(6);
        for (KillMode mode : KillMode.values()) {
            assertThat(report.kills().getOrDefault(mode, 0)).as("kills of mode %s", mode)
                    .isPositive();
        }
        assertThat(report.restarts()).isGreaterThanOrEqualTo(report.totalKills());
        assertThat(report.restartsSurvived()).isEqualTo(report.restarts());
        assertThat(report.matchesUninterrupted()).as("as uninterrupted").isTrue();
        assertThat(report.delayChecks()).isPositive();
        assertThat(report.delayChecksEqual()).isEqualTo(report.delayChecks());
        // Every kill inside a trial leaves that trial RUNNING, and a restart marks it STALE.
        assertThat(report.staleTrials())
                .isGreaterThanOrEqualTo(report.landings().getOrDefault(Landing.IN_TRIAL, 0));
    }
}
