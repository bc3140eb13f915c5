package io.archforge.app.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.SearchSpace;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Study;
import io.archforge.study.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks and figures of a load run, on trials and logs written here. */
class LoadChecksTest {

    private static final SearchSpace NB201 = CellSpace.nb201();
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final List<String> architectures = distinctArchitectures(6);

    @Test
    void cleanStudyPasses() {
        List<FrozenTrial> trials = List.of(complete(0, 0), complete(1, 1), complete(2, 2));

        TrialChecks checks = TrialChecks.of(trials, 3, NB201);

        assertThat(checks.passed()).isTrue();
        assertThat(checks.finished()).isEqualTo(3);
        assertThat(checks.lost()).isZero();
    }

    @Test
    void gapsAndRepeatsAreCounted() {
        List<FrozenTrial> trials = List.of(complete(0, 0), complete(2, 1), complete(2, 2),
                complete(5, 3));

        TrialChecks checks = TrialChecks.of(trials, 4, NB201);

        assertThat(checks.gaps()).isEqualTo(3);
        assertThat(checks.repeatedNumbers()).isEqualTo(1);
        assertThat(checks.passed()).isFalse();
    }

    @Test
    void duplicateArchitectureFails() {
        List<FrozenTrial> trials = List.of(complete(0, 0), complete(1, 1), complete(2, 0));

        TrialChecks checks = TrialChecks.of(trials, 3, NB201);

        assertThat(checks.duplicates()).isEqualTo(1);
        assertThat(checks.passed()).isFalse();
    }

    @Test
    void staleTrialsNeedARetry() {
        List<FrozenTrial> trials = List.of(stale(0, 0), stale(1, 1), running(2, 2),
                trial(3, TrialState.COMPLETE, 3, Map.of(Study.RETRY_OF_ATTRIBUTE, "0")),
                complete(4, 4));

        TrialChecks checks = TrialChecks.of(trials, 2, NB201);

        assertThat(checks.stale()).isEqualTo(2);
        assertThat(checks.staleRetried()).isEqualTo(1);
        assertThat(checks.runningAtEnd()).isEqualTo(1);
        assertThat(checks.lost()).isEqualTo(2);
        assertThat(checks.passed()).isFalse();
    }

    @Test
    void staleClassFinishedElsewhereCounts() {
        List<FrozenTrial> trials = List.of(stale(0, 0), complete(1, 0));

        TrialChecks checks = TrialChecks.of(trials, 1, NB201);

        assertThat(checks.staleRetried()).isEqualTo(1);
        assertThat(checks.passed()).isTrue();
    }

    @Test
    void wrongFinishedCountFails() {
        List<FrozenTrial> trials = List.of(complete(0, 0), complete(1, 1));

        assertThat(TrialChecks.of(trials, 3, NB201).passed()).isFalse();
        assertThat(TrialChecks.of(trials, 1, NB201).passed()).isFalse();
    }

    @Test
    void spansAndRateFromStoredTimes() {
        List<FrozenTrial> trials = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // Trial i starts at second i and takes (i + 1) * 100 ms.
            Instant started = T0.plusSeconds(i);
            trials.add(new FrozenTrial(i, TrialState.COMPLETE, architectures.get(i), i,
                    Map.of(), List.of(), Map.of(), started,
                    Optional.of(started.plusMillis((i + 1) * 100L)), Optional.empty()));
        }

        TrialTimes times = TrialTimes.of(trials);

        assertThat(times.spanP50Millis()).isEqualTo(200.0);
        assertThat(times.spanP95Millis()).isEqualTo(400.0);
        // Finishes at 0.1 s and 3.4 s: 3 further trials in 3.3 s.
        assertThat(times.finishingRate()).isCloseTo(3 / 3.3, offset(1e-9));
    }

    @Test
    void logsCountErrorsAndRetries(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("worker-1.err");
        Path second = dir.resolve("worker-2.err");
        Files.writeString(first, """
                12:00:00 INFO  Study - Trial 3 complete: |none~0|+|skip_connect~0|none~1|
                12:00:01 WARN  Heartbeat - Heartbeat of trial 4 failed: database is locked
                12:00:02 INFO  Database - Store /x.db: 3 transactions were retried after \
                transient errors, 5 retries in all; the longest took 120 ms
                """);
        Files.writeString(second, """
                archforge: no study 'x' in /x.db
                12:00:03 INFO  Database - Store /x.db: 1 transactions were retried after \
                transient errors, 2 retries in all; the longest took 900 ms
                """);

        WorkerLogs logs = WorkerLogs.read(List.of(first, second));

        assertThat(logs.storeErrorLines()).isEqualTo(2);
        assertThat(logs.examples()).hasSize(2).first().asString().startsWith("worker-1.err: ");
        assertThat(logs.retriedTransactions()).isEqualTo(4);
        assertThat(logs.retries()).isEqualTo(7);
        assertThat(logs.longestRetryMillis()).isEqualTo(900);
    }

    private FrozenTrial complete(int number, int architecture) {
        return trial(number, TrialState.COMPLETE, architecture, Map.of());
    }

    private FrozenTrial stale(int number, int architecture) {
        return trial(number, TrialState.STALE, architecture, Map.of());
    }

    private FrozenTrial running(int number, int architecture) {
        return trial(number, TrialState.RUNNING, architecture, Map.of());
    }

    private FrozenTrial trial(int number, TrialState state, int architecture,
            Map<String, String> attributes) {
        Optional<Instant> finished = state == TrialState.RUNNING ? Optional.empty()
                : Optional.of(T0.plusSeconds(number + 1));
        return new FrozenTrial(number, state, architectures.get(architecture), number,
                Map.of(), List.of(), attributes, T0.plusSeconds(number), finished,
                Optional.empty());
    }

    /** Returns {@code count} architectures of distinct isomorphism classes. */
    private static List<String> distinctArchitectures(int count) {
        SplittableRandom random = new SplittableRandom(5);
        Set<String> keys = new HashSet<>();
        List<String> texts = new ArrayList<>();
        while (texts.size() < count) {
            Architecture architecture = NB201.sample(random);
            if (keys.add(architecture.isomorphismKey())) {
                texts.add(architecture.text());
            }
        }
        return texts;
    }
}
