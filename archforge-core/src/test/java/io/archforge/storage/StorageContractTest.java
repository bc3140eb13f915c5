package io.archforge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.archforge.study.FrozenTrial;
import io.archforge.study.IntermediateValue;
import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The behaviour every {@link Storage} must have. A backend's test extends this
 * class and implements {@link #newStorage}; the rules checked here are:
 * <ul>
 *   <li>trial numbers start at 0 in each study and increase by one, also under
 *       concurrent callers;</li>
 *   <li>reads of an unknown study or trial return empty; writes to one throw
 *       {@link IllegalArgumentException};</li>
 *   <li>creating a study twice throws {@link StorageException};</li>
 *   <li>finishing a trial as RUNNING or STALE throws {@link IllegalArgumentException},
 *       and finishing a finished or SKIPPED trial throws {@link IllegalStateException};</li>
 *   <li>a SKIPPED trial keeps its attributes, gets a finish time and is not counted as
 *       finished;</li>
 *   <li>finishing a STALE trial keeps it STALE, leaves its metrics empty and adds the
 *       attributes {@code late_state}, {@code late_metric.NAME} and {@code late_error};</li>
 *   <li>intermediate values of a STALE trial are ignored, those of a finished trial
 *       throw {@link IllegalStateException};</li>
 *   <li>marking STALE sets the finish time, and changes RUNNING trials only;</li>
 *   <li>doubles and strings come back exactly and instants to the millisecond;</li>
 *   <li>a claim key is held by one trial that is neither STALE nor SKIPPED, also under
 *       concurrent callers;</li>
 *   <li>a RUNNING trial whose heartbeat is older than the grace period goes STALE;</li>
 *   <li>study attributes and trial artifacts come back as written;</li>
 *   <li>a durable store shows the same data after it is closed and reopened.</li>
 * </ul>
 */
public abstract class StorageContractTest {

    private static final String STUDY = "study-a";
    private static final int NO_LIMIT = Integer.MAX_VALUE;

    @TempDir
    protected Path dir;

    protected Storage storage;

    /** Creates a store whose files, if any, live in {@code dir}, which reopens it later. */
    protected abstract Storage newStorage(Path dir);

    /** Returns whether a store opened again on the same directory reads the earlier data. */
    protected boolean persistsAcrossReopen() {
        return true;
    }

    @BeforeEach
    void openStore() {
        storage = newStorage(dir);
    }

    @AfterEach
    void closeStore() {
        storage.close();
    }

    protected static StudyConfig config(String name) {
        return new StudyConfig(name, "nb201", "nb201",
                Map.of("dataset", "cifar10", "fidelity", "200"), "evolution",
                Map.of("population", "20", "sample_size", "5"),
                List.of(Objective.maximize("accuracy"), Objective.minimize("latency_ms")),
                -1234567890123L);
    }

    private int newTrial(String architecture) {
        return storage.createTrial(STUDY, architecture, 7L, Map.of("strategy", "random"));
    }

    // Studies

    @Test
    void studyConfigRoundTrip() {
        StudyConfig config = config(STUDY);

        storage.createStudy(config);

        assertThat(storage.loadStudy(STUDY)).contains(config);
    }

    @Test
    void missingStudyLoadsEmpty() {
        assertThat(storage.loadStudy("nope")).isEmpty();
        assertThat(storage.trials("nope")).isEmpty();
        assertThat(storage.trial("nope", 0)).isEmpty();
    }

    @Test
    void duplicateStudyIsRejected() {
        storage.createStudy(config(STUDY));

        assertThatThrownBy(() -> storage.createStudy(config(STUDY)))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(STUDY);
    }

    @Test
    void listStudiesByNameWithCounts() {
        assertThat(storage.listStudies()).isEmpty();
        Instant before = Instant.now().minusSeconds(1);
        storage.createStudy(config("zeta"));
        storage.createStudy(config(STUDY));
        newTrial("a");
        newTrial("b");
        newTrial("c");
        storage.finishTrial(STUDY, 0, TrialState.COMPLETE, Map.of("accuracy", 1.0), Map.of(),
                Optional.empty());
        storage.finishTrial(STUDY, 1, TrialState.FAILED, Map.of(), Map.of(), Optional.of("x"));

        List<StudySummary> studies = storage.listStudies();

        assertThat(studies).extracting(s -> s.config().name()).containsExactly(STUDY, "zeta");
        assertThat(studies.get(0).completedTrials()).isEqualTo(1);
        assertThat(studies.get(0).totalTrials()).isEqualTo(3);
        assertThat(studies.get(1).totalTrials()).isZero();
        assertThat(studies.get(0).config()).isEqualTo(config(STUDY));
        assertThat(studies.get(0).created()).isBetween(before, Instant.now().plusSeconds(1));
    }

    // Creating trials

    @Test
    void trialNumbersStartAtZeroPerStudy() {
        storage.createStudy(config(STUDY));
        storage.createStudy(config("other"));

        assertThat(newTrial("a")).isZero();
        assertThat(newTrial("b")).isEqualTo(1);
        assertThat(storage.createTrial("other", "c", 1L, Map.of())).isZero();
        assertThat(newTrial("d")).isEqualTo(2);
    }

    @Test
    void countsTrackNumbersAndFinishedTrials() {
        assertThat(storage.counts("nope")).isEqualTo(new TrialCounts(0, 0));
        storage.createStudy(config(STUDY));
        assertThat(storage.counts(STUDY)).isEqualTo(new TrialCounts(0, 0));
        int complete = newTrial("a");
        int failed = newTrial("b");
        int stale = newTrial("c");
        newTrial("d");
        storage.finishTrial(STUDY, complete, TrialState.COMPLETE, Map.of("m", 1.0), Map.of(),
                Optional.empty());
        storage.finishTrial(STUDY, failed, TrialState.FAILED, Map.of(), Map.of(),
                Optional.of("boom"));
        storage.markStale(STUDY, stale);

        TrialCounts counts = storage.counts(STUDY);

        assertThat(counts.nextNumber()).isEqualTo(4);
        assertThat(counts.finished()).isEqualTo(2);
    }

    @Test
    void newTrialIsRunning() {
        storage.createStudy(config(STUDY));
        Instant before = Instant.now().minusSeconds(1);
        long seed = Long.MIN_VALUE + 3;

        Map<String, String> attributes = Map.of("retry_of", "4", "note", "é ✓");

        int number = storage.createTrial(STUDY, "|none~0|", seed, attributes);

        FrozenTrial trial = storage.trial(STUDY, number).orElseThrow();
        assertThat(trial.number()).isEqualTo(number);
        assertThat(trial.state()).isEqualTo(TrialState.RUNNING);
        assertThat(trial.architecture()).isEqualTo("|none~0|");
        assertThat(trial.seed()).isEqualTo(seed);
        assertThat(trial.attributes()).isEqualTo(attributes);
        assertThat(trial.metrics()).isEmpty();
        assertThat(trial.intermediate()).isEmpty();
        assertThat(trial.started()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(trial.finished()).isEmpty();
        assertThat(trial.error()).isEmpty();
    }

    @Test
    void writesToUnknownStudyOrTrialAreRejected() {
        storage.createStudy(config(STUDY));
        newTrial("a");

        assertThatThrownBy(() -> storage.createTrial("nope", "a", 1L, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> storage.reportIntermediate(STUDY, 5, 0, "accuracy", 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5");
        assertThatThrownBy(() -> storage.finishTrial(STUDY, 5, TrialState.COMPLETE, Map.of(),
                Map.of(), Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.markStale(STUDY, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.markRunningStale("nope"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(storage.trial(STUDY, 1)).isEmpty();
    }

    @Test
    void concurrentCreatesGetDistinctNumbers() throws Exception {
        storage.createStudy(config(STUDY));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> numbers = new ArrayList<>();

        for (int i = 0; i < 40; i++) {
            String architecture = "arch-" + i;
            numbers.add(pool.submit(() -> storage.createTrial(STUDY, architecture, 1L, Map.of())));
        }
        List<Integer> created = new ArrayList<>();
        for (Future<Integer> number : numbers) {
            created.add(number.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        Collections.sort(created);
        assertThat(created).isEqualTo(java.util.stream.IntStream.range(0, 40).boxed().toList());
        assertThat(storage.trials(STUDY)).extracting(FrozenTrial::number).isEqualTo(created);
    }

    // Intermediate values

    @Test
    void intermediateValuesKeepReportOrder() {
        storage.createStudy(config(STUDY));
        int number = newTrial("a");

        storage.reportIntermediate(STUDY, number, 0, "accuracy", 0.1 + 0.2);
        storage.reportIntermediate(STUDY, number, 0, "loss", 2.5);
        storage.reportIntermediate(STUDY, number, 1, "accuracy", 55.123456789012345);

        assertThat(storage.trial(STUDY, number).orElseThrow().intermediate()).containsExactly(
                new IntermediateValue(0, "accuracy", 0.1 + 0.2),
                new IntermediateValue(0, "loss", 2.5),
                new IntermediateValue(1, "accuracy", 55.123456789012345));
    }

    @Test
    void intermediateOfStaleTrialIsIgnored() {
        storage.createStudy(config(STUDY));
        int number = newTrial("a");
        storage.reportIntermediate(STUDY, number, 0, "accuracy", 10.0);
        storage.markStale(STUDY, number);

        storage.reportIntermediate(STUDY, number, 1, "accuracy", 20.0);

        assertThat(storage.trial(STUDY, number).orElseThrow().intermediate())
                .containsExactly(new IntermediateValue(0, "accuracy", 10.0));
    }

    @Test
    void intermediateOfFinishedTrialIsRejected() {
        storage.createStudy(config(STUDY));
        int number = newTrial("a");
        storage.finishTrial(STUDY, number, TrialState.COMPLETE, Map.of(), Map.of(),
                Optional.empty());

        assertThatThrownBy(() -> storage.reportIntermediate(STUDY, number, 0, "accuracy", 1.0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("COMPLETE");
    }

    // Finishing trials

    @Test
    void completeStoresMetricsAndMergesAttributes() {
        storage.createStudy(config(STUDY));
        int number = newTrial("a");
        Map<String, Double> metrics = Map.of("accuracy", 94.37333333333333, "params", 1.0E-300,
                "latency_ms", -0.5);

        storage.finishTrial(STUDY, number, TrialState.COMPLETE, metrics,
                Map.of("source", "table", "strategy", "evolution"), Optional.empty());

        FrozenTrial trial = storage.trial(STUDY, number).orElseThrow();
        assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(trial.metrics()).isEqualTo(metrics);
        assertThat(trial.attributes())
                .isEqualTo(Map.of("source", "table", "strategy", "evolution"));
        assertThat(trial.finished()).isPresent();
        assertThat(trial.finished().get()).isAfterOrEqualTo(trial.started().minusMillis(1));
        assertThat(trial.error()).isEmpty();
    }

    @Test
    void failedStoresTheError() {
        storage.createStudy(config(STUDY));
        int number = newTrial("a");

        storage.finishTrial(STUDY, number, TrialState.FAILED, Map.of(), Map.of(),
                Optional.of("IllegalStateException: out of memory"));

        FrozenTrial trial = storage.trial(STUDY, number).orElseThrow();
        assertThat(trial.state()).isEqualTo(TrialState.FAILED);
        assertThat(trial.error()).contains("IllegalStateException: out of memory");
        assertThat(trial.metrics()).isEmpty();
    }

    @Test
    void prunedKeepsIntermediateValues() {
        storage.createStudy(config(STUDY));
        int number = newTrial("a");
        storage.reportIntermediate(STUDY, number, 0, "accuracy", 30.0);

        storage.finishTrial(STUDY, number, TrialState.PRUNED, Map.of("accuracy", 30.0), Map.of(),
                Optional.empty());

        FrozenTrial trial = storage.trial(STUDY, number).orElseThrow();
        assertThat(trial.state()).isEqualTo(TrialState.PRUNED);
        assertThat(trial.intermediate()).hasSize(1);
        assertThat(trial.metrics()).containsEntry("accuracy", 30.0);
    }

    @Test
    void skippedTrialIsEndedButNotFinished() {
        storage.createStudy(config(STUDY));
        int complete = newTrial("a");
        storage.finishTrial(STUDY, complete, TrialState.COMPLETE, Map.of("accuracy", 1.0),
                Map.of(), Optional.empty());
        int skipped = storage.createTrial(STUDY, "b", 5L, Map.of("predicted_mean", "0.25"));

        storage.finishTrial(STUDY, skipped, TrialState.SKIPPED, Map.of(),
                Map.of("improvement_probability", "0.01"), Optional.empty());

        FrozenTrial trial = storage.trial(STUDY, skipped).orElseThrow();
        assertThat(trial.state()).isEqualTo(TrialState.SKIPPED);
        assertThat(trial.metrics()).isEmpty();
        assertThat(trial.attributes()).isEqualTo(
                Map.of("predicted_mean", "0.25", "improvement_probability", "0.01"));
        assertThat(trial.finished()).isPresent();
        assertThat(storage.counts(STUDY)).isEqualTo(new TrialCounts(2, 1));
        assertThatThrownBy(() -> storage.finishTrial(STUDY, skipped, TrialState.COMPLETE,
                Map.of(), Map.of(), Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already SKIPPED");
        assertThatThrownBy(() -> storage.reportIntermediate(STUDY, skipped, 0, "accuracy", 1.0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SKIPPED");
    }

    @Test
    void finishRejectsUnfinishedStates() {
        storage.createStudy(config(STUDY));
        int number = newTrial("a");

        for (TrialState state : List.of(TrialState.RUNNING, TrialState.STALE)) {
            assertThatThrownBy(() -> storage.finishTrial(STUDY, number, state, Map.of(), Map.of(),
                    Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(state.name());
        }
        assertThat(storage.trial(STUDY, number).orElseThrow().state())
                .isEqualTo(TrialState.RUNNING);
    }

    @Test
    void finishingTwiceIsRejected() {
        storage.createStudy(config(STUDY));
        int number = newTrial("a");
        storage.finishTrial(STUDY, number, TrialState.COMPLETE, Map.of("accuracy", 1.0), Map.of(),
                Optional.empty());

        assertThatThrownBy(() -> storage.finishTrial(STUDY, number, TrialState.FAILED, Map.of(),
                Map.of(), Optional.of("late")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already COMPLETE");
        FrozenTrial trial = storage.trial(STUDY, number).orElseThrow();
        assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(trial.metrics()).containsEntry("accuracy", 1.0);
    }

    @Test
    void staleTrialKeepsLateResult() {
        storage.createStudy(config(STUDY));
        int number = newTrial("a");
        storage.markStale(STUDY, number);

        storage.finishTrial(STUDY, number, TrialState.COMPLETE,
                Map.of("accuracy", 91.25, "params", 0.8), Map.of("source", "table"),
                Optional.empty());

        FrozenTrial trial = storage.trial(STUDY, number).orElseThrow();
        assertThat(trial.state()).isEqualTo(TrialState.STALE);
        assertThat(trial.metrics()).isEmpty();
        assertThat(trial.attributes())
                .containsEntry("late_state", "COMPLETE")
                .containsEntry("late_metric.accuracy", "91.25")
                .containsEntry("late_metric.params", "0.8")
                .containsEntry("source", "table")
                .containsEntry("strategy", "random")
                .doesNotContainKey("late_error");
    }

    @Test
    void staleTrialKeepsLateError() {
        storage.createStudy(config(STUDY));
        int number = newTrial("a");
        storage.markStale(STUDY, number);

        storage.finishTrial(STUDY, number, TrialState.FAILED, Map.of(), Map.of(),
                Optional.of("boom"));

        FrozenTrial trial = storage.trial(STUDY, number).orElseThrow();
        assertThat(trial.state()).isEqualTo(TrialState.STALE);
        assertThat(trial.error()).isEmpty();
        assertThat(trial.attributes()).containsEntry("late_state", "FAILED")
                .containsEntry("late_error", "boom");
    }

    // Stale trials

    @Test
    void markRunningStaleTouchesRunningOnly() {
        storage.createStudy(config(STUDY));
        storage.createStudy(config("other"));
        int done = newTrial("a");
        int running = newTrial("b");
        int alsoRunning = newTrial("c");
        int otherStudy = storage.createTrial("other", "d", 1L, Map.of());
        storage.finishTrial(STUDY, done, TrialState.COMPLETE, Map.of(), Map.of(),
                Optional.empty());

        assertThat(storage.markRunningStale(STUDY)).isEqualTo(2);
        assertThat(storage.markRunningStale(STUDY)).isZero();

        assertThat(storage.trials(STUDY)).extracting(FrozenTrial::state).containsExactly(
                TrialState.COMPLETE, TrialState.STALE, TrialState.STALE);
        assertThat(storage.trial(STUDY, running).orElseThrow().finished()).isPresent();
        assertThat(storage.trial(STUDY, alsoRunning).orElseThrow().finished()).isPresent();
        assertThat(storage.trial("other", otherStudy).orElseThrow().state())
                .isEqualTo(TrialState.RUNNING);
    }

    @Test
    void markStaleChangesRunningTrialOnly() {
        storage.createStudy(config(STUDY));
        int running = newTrial("a");
        int failed = newTrial("b");
        storage.finishTrial(STUDY, failed, TrialState.FAILED, Map.of(), Map.of(),
                Optional.of("x"));

        storage.markStale(STUDY, running);
        storage.markStale(STUDY, running);
        storage.markStale(STUDY, failed);

        assertThat(storage.trial(STUDY, running).orElseThrow().state())
                .isEqualTo(TrialState.STALE);
        assertThat(storage.trial(STUDY, failed).orElseThrow().state())
                .isEqualTo(TrialState.FAILED);
    }

    @Test
    void staleTrialIsNotFinishedAgainByMarking() {
        storage.createStudy(config(STUDY));
        int number = newTrial("a");
        storage.markStale(STUDY, number);
        Instant marked = storage.trial(STUDY, number).orElseThrow().finished().orElseThrow();

        storage.markRunningStale(STUDY);

        assertThat(storage.trial(STUDY, number).orElseThrow().finished()).contains(marked);
    }

    // Reading

    @Test
    void trialsAreOrderedByNumber() {
        storage.createStudy(config(STUDY));
        for (int i = 0; i < 12; i++) {
            newTrial("arch-" + i);
        }
        storage.finishTrial(STUDY, 10, TrialState.COMPLETE, Map.of(), Map.of(), Optional.empty());
        storage.finishTrial(STUDY, 2, TrialState.COMPLETE, Map.of(), Map.of(), Optional.empty());

        List<FrozenTrial> trials = storage.trials(STUDY);

        assertThat(trials).extracting(FrozenTrial::number)
                .isEqualTo(java.util.stream.IntStream.range(0, 12).boxed().toList());
        assertThat(trials).extracting(FrozenTrial::architecture).startsWith("arch-0", "arch-1");
        assertThat(storage.trial(STUDY, 12)).isEmpty();
        assertThat(storage.trial(STUDY, -1)).isEmpty();
    }

    @Test
    void locationIsDescribed() {
        assertThat(storage.location()).isNotBlank();
    }

    @Test
    void reopenedStoreKeepsEverything() {
        assumeTrue(persistsAcrossReopen(), "this store keeps nothing once closed");
        storage.createStudy(config(STUDY));
        int number = newTrial("a");
        storage.reportIntermediate(STUDY, number, 0, "accuracy", 12.5);
        storage.finishTrial(STUDY, number, TrialState.COMPLETE, Map.of("accuracy", 93.5),
                Map.of("source", "table"), Optional.empty());
        int stale = newTrial("b");
        storage.markStale(STUDY, stale);
        List<FrozenTrial> before = storage.trials(STUDY);
        storage.close();

        storage = newStorage(dir);

        assertThat(storage.loadStudy(STUDY)).contains(config(STUDY));
        List<FrozenTrial> after = storage.trials(STUDY);
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertSameTrial(after.get(i), before.get(i));
        }
        assertThat(newTrial("c")).isEqualTo(2);
    }

    // Claims, heartbeats, study attributes and artifacts

    @Test
    void claimIsHeldUntilTheTrialGoesStale() {
        storage.createStudy(config(STUDY));

        OptionalInt first = storage.claimTrial(STUDY, "a", "key-a", 1L, Map.of(), NO_LIMIT);
        OptionalInt second = storage.claimTrial(STUDY, "a", "key-a", 2L, Map.of(), NO_LIMIT);
        OptionalInt other = storage.claimTrial(STUDY, "b", "key-b", 3L, Map.of(), NO_LIMIT);

        assertThat(first).hasValue(0);
        assertThat(second).isEmpty();
        assertThat(other).hasValue(1);
        storage.markStale(STUDY, 0);
        assertThat(storage.claimTrial(STUDY, "a", "key-a", 4L, Map.of("retry_of", "0"), NO_LIMIT))
                .hasValue(2);
        assertThat(storage.claimTrial(STUDY, "a", "key-a", 5L, Map.of(), NO_LIMIT)).isEmpty();
        storage.finishTrial(STUDY, 2, TrialState.COMPLETE, Map.of("accuracy", 1.0), Map.of(),
                Optional.empty());
        assertThat(storage.claimTrial(STUDY, "a", "key-a", 6L, Map.of(), NO_LIMIT)).isEmpty();
        assertThat(storage.counts(STUDY)).isEqualTo(new TrialCounts(3, 1, 1));
    }

    @Test
    void claimStopsAtTheActiveLimit() {
        storage.createStudy(config(STUDY));
        int done = storage.claimTrial(STUDY, "a", "key-a", 1L, Map.of(), 2).getAsInt();
        storage.finishTrial(STUDY, done, TrialState.COMPLETE, Map.of(), Map.of(), Optional.empty());
        int running = storage.claimTrial(STUDY, "b", null, 2L, Map.of(), 2).getAsInt();

        assertThat(storage.claimTrial(STUDY, "c", "key-c", 3L, Map.of(), 2)).isEmpty();
        storage.markStale(STUDY, running);
        assertThat(storage.claimTrial(STUDY, "c", "key-c", 4L, Map.of(), 2)).hasValue(2);
    }

    @Test
    void skippedTrialReleasesItsClaim() {
        storage.createStudy(config(STUDY));
        int skipped = storage.claimTrial(STUDY, "a", "key-a", 1L, Map.of(), NO_LIMIT).getAsInt();
        storage.finishTrial(STUDY, skipped, TrialState.SKIPPED, Map.of(), Map.of(),
                Optional.empty());

        assertThat(storage.claimTrial(STUDY, "a", "key-a", 2L, Map.of(), NO_LIMIT)).hasValue(1);
    }

    @Test
    void concurrentClaimsOfOneKeyCreateOneTrial() throws Exception {
        storage.createStudy(config(STUDY));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<OptionalInt>> claims = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String key = "key-" + (i % 10);
                claims.add(pool.submit(() ->
                        storage.claimTrial(STUDY, key, key, 1L, Map.of(), NO_LIMIT)));
            }
            int won = 0;
            for (Future<OptionalInt> claim : claims) {
                won += claim.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }
            assertThat(won).isEqualTo(10);
            assertThat(storage.trials(STUDY)).extracting(FrozenTrial::architecture)
                    .doesNotHaveDuplicates().hasSize(10);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void trialWithoutHeartbeatGoesStale() throws Exception {
        storage.createStudy(config(STUDY));
        int silent = newTrial("a");
        int beating = newTrial("b");
        int done = newTrial("c");
        storage.finishTrial(STUDY, done, TrialState.COMPLETE, Map.of(), Map.of(), Optional.empty());

        Thread.sleep(300);
        storage.heartbeat(STUDY, beating);
        List<Integer> marked = storage.markStaleWithoutHeartbeat(STUDY, Duration.ofMillis(200));

        assertThat(marked).containsExactly(silent);
        assertThat(storage.trial(STUDY, silent).orElseThrow().state()).isEqualTo(TrialState.STALE);
        assertThat(storage.trial(STUDY, beating).orElseThrow().state())
                .isEqualTo(TrialState.RUNNING);
        assertThat(storage.trial(STUDY, done).orElseThrow().state()).isEqualTo(TrialState.COMPLETE);
        assertThat(storage.markStaleWithoutHeartbeat(STUDY, Duration.ofMinutes(1))).isEmpty();
    }

    @Test
    void studyAttributesRoundTrip() {
        storage.createStudy(config(STUDY));

        storage.setStudyAttribute(STUDY, "command", "[\"search\",\"--trials\",\"5\"]");
        storage.setStudyAttribute(STUDY, "note", "first");
        storage.setStudyAttribute(STUDY, "note", "second");

        assertThat(storage.studyAttributes(STUDY)).isEqualTo(Map.of(
                "command", "[\"search\",\"--trials\",\"5\"]", "note", "second"));
        assertThat(storage.studyAttributes("nope")).isEmpty();
        assertThatThrownBy(() -> storage.setStudyAttribute("nope", "k", "v"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void artifactsRoundTrip() {
        storage.createStudy(config(STUDY));
        int trial = newTrial("a");
        byte[] weights = new byte[70_000];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (byte) (i * 31);
        }

        storage.putArtifact(STUDY, trial, "weights.safetensors", weights);
        storage.putArtifact(STUDY, trial, "notes", new byte[] {1, 2});
        storage.putArtifact(STUDY, trial, "notes", new byte[] {3});

        assertThat(storage.artifact(STUDY, trial, "weights.safetensors")).hasValueSatisfying(
                bytes -> assertThat(bytes).isEqualTo(weights));
        assertThat(storage.artifact(STUDY, trial, "notes")).hasValueSatisfying(
                bytes -> assertThat(bytes).containsExactly(3));
        assertThat(storage.artifactNames(STUDY, trial)).containsExactly("notes",
                "weights.safetensors");
        assertThat(storage.artifact(STUDY, trial, "missing")).isEmpty();
        assertThat(storage.artifact(STUDY, 99, "notes")).isEmpty();
        assertThatThrownBy(() -> storage.putArtifact(STUDY, 99, "x", new byte[1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stateCountsCoverEveryState() {
        storage.createStudy(config(STUDY));
        int done = newTrial("a");
        storage.finishTrial(STUDY, done, TrialState.COMPLETE, Map.of(), Map.of(), Optional.empty());
        storage.markStale(STUDY, newTrial("b"));
        newTrial("c");

        Map<TrialState, Integer> counts = storage.stateCounts(STUDY);

        assertThat(counts).containsEntry(TrialState.COMPLETE, 1).containsEntry(TrialState.STALE, 1)
                .containsEntry(TrialState.RUNNING, 1).containsEntry(TrialState.FAILED, 0)
                .hasSize(TrialState.values().length);
        assertThat(storage.stateCounts("nope").values()).containsOnly(0);
    }

    private static void assertSameTrial(FrozenTrial actual, FrozenTrial expected) {
        assertThat(actual.number()).isEqualTo(expected.number());
        assertThat(actual.state()).isEqualTo(expected.state());
        assertThat(actual.architecture()).isEqualTo(expected.architecture());
        assertThat(actual.seed()).isEqualTo(expected.seed());
        assertThat(actual.metrics()).isEqualTo(expected.metrics());
        assertThat(actual.intermediate()).isEqualTo(expected.intermediate());
        assertThat(actual.attributes()).isEqualTo(expected.attributes());
        assertThat(actual.error()).isEqualTo(expected.error());
        assertThat(Duration.between(actual.started(), expected.started()).abs())
                .isLessThan(Duration.ofMillis(1));
        assertThat(actual.finished().isPresent()).isEqualTo(expected.finished().isPresent());
    }
}
