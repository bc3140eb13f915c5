package io.archforge.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.storage.Storage;
import io.archforge.study.FrozenTrial;
import io.archforge.study.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed with SIGKILL in the middle of writing leaves a store that
 * opens cleanly, keeps every committed trial and nothing half-written.
 */
class CrashSafetyTest {

    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    @Test
    void killedWriterLosesNothingCommitted() throws Exception {
        Path file = dir.resolve("crash.db");
        try (Storage storage = Storages.open(file.toString())) {
            storage.createStudy(StoreFixtures.study("s"));
        }
        Random random = new Random(20261204L);
        Set<Integer> reported = new TreeSet<>();
        for (int round = 0; round < ROUNDS; round++) {
            int firstNumber = trialCount(file);
            Set<Integer> roundReported = runAndKill(file, random.nextInt(300), round);
            reported.addAll(roundReported);
            assertRoundConsistent(file, firstNumber, roundReported);
            assertReportedComplete(file, reported);
        }
    }

    /**
     * Runs an endless writer, kills it {@code delayMs} after its fifth trial, and returns
     * the numbers it reported.
     */
    private Set<Integer> runAndKill(Path file, int delayMs, int round) throws Exception {
        Path output = dir.resolve("out" + round + ".txt");
        Process child = ChildJvm.start(TrialWorker.class, output,
                dir.resolve("err" + round + ".txt"), file.toString(), "s", "-1", "1");
        waitForCount(output, 5, child);
        Thread.sleep(delayMs);
        // On Linux, destroyForcibly sends SIGKILL: no shutdown hook, no finally block runs.
        child.destroyForcibly();
        assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("exit code of a SIGKILL").isEqualTo(128 + 9);
        return readNumbers(output);
    }

    /** Reads the numbers in complete lines; a kill may cut the last line short. */
    private static Set<Integer> readNumbers(Path output) throws IOException {
        String text = Files.readString(output);
        Set<Integer> numbers = new TreeSet<>();
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return numbers;
        }
        for (String line : text.substring(0, end).split("\n")) {
            numbers.add(Integer.parseInt(line.strip()));
        }
        return numbers;
    }

    private static void waitForCount(Path output, int count, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (readNumbers(output).size() >= count) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the writer finished fewer than " + count + " trials in 30 s");
    }

    private static int trialCount(Path file) {
        try (Storage storage = Storages.open(file.toString())) {
            return storage.trials("s").size();
        }
    }

    /** Checks the trials numbered from {@code firstNumber}, written by one killed writer. */
    private static void assertRoundConsistent(Path file, int firstNumber, Set<Integer> reported)
            throws Exception {
        assertThat(integrityCheck(file)).isEqualTo("ok");
        try (Storage storage = Storages.open(file.toString())) {
            List<FrozenTrial> trials = storage.trials("s").stream()
                    .filter(t -> t.number() >= firstNumber).toList();
            int lastReported = ((TreeSet<Integer>) reported).last();
            for (FrozenTrial trial : trials) {
                if (reported.contains(trial.number())) {
                    continue;
                }
                if (trial.state() == TrialState.COMPLETE) {
                    // Committed, but killed before it printed: only ever the newest trial.
                    assertThat(trial.number()).isGreaterThan(lastReported);
                    assertThat(trial.metrics())
                            .isEqualTo(TrialWorker.expectedMetrics(trial.number()));
                } else {
                    assertThat(trial.state()).as("trial %d", trial.number())
                            .isEqualTo(TrialState.RUNNING);
                    assertThat(trial.metrics()).isEmpty();
                }
            }
            long unreported = trials.size() - reported.size();
            assertThat(unreported).as("trials not reported by one sequential writer")
                    .isBetween(0L, 2L);
            long running = trials.stream().filter(t -> t.state() == TrialState.RUNNING).count();
            assertThat(running).as("running trials of one sequential writer")
                    .isLessThanOrEqualTo(1);
            assertThat(storage.markRunningStale("s")).isEqualTo((int) running);
            assertThat(storage.trials("s")).noneMatch(t -> t.state() == TrialState.RUNNING);
        }
    }

    /** Checks that every trial a writer reported is complete with its metrics. */
    private static void assertReportedComplete(Path file, Set<Integer> reported) {
        try (Storage storage = Storages.open(file.toString())) {
            for (int number : reported) {
                FrozenTrial trial = storage.trial("s", number).orElseThrow();
                assertThat(trial.state()).as("trial %d", number).isEqualTo(TrialState.COMPLETE);
                assertThat(trial.metrics()).as("trial %d", number)
                        .isEqualTo(TrialWorker.expectedMetrics(number));
                assertThat(trial.intermediate()).as("trial %d", number).hasSize(1);
            }
        }
    }

    private static String integrityCheck(Path file) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
