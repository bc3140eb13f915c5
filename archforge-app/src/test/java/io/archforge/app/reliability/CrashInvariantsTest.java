package io.archforge.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.eval.cache.CachingEvaluator;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Study;
import io.archforge.study.TrialState;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each promise the crash harness checks is reported broken when a store breaks it. */
class CrashInvariantsTest {

    private static final String A =
            "|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+|none~0|none~1|nor_conv_3x3~2|";
    private static final String B = "|avg_pool_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|"
            + "+|none~0|skip_connect~1|nor_conv_1x1~2|";
    private static final String C =
            "|skip_connect~0|+|none~0|avg_pool_3x3~1|+|skip_connect~0|none~1|none~2|";

    private final CrashInvariants invariants = new CrashInvariants("test_accuracy");

    @Test
    void intactStudyHasNoViolation() {
        List<FrozenTrial> trials = List.of(complete(0, A, 10, 91.0), stale(1, B, 11),
                retry(complete(2, B, 11, 92.0), 1), complete(3, C, 13, 85.0));

        assertThat(invariants.wellFormed(trials)).isEmpty();
        assertThat(invariants.finished(trials, 3)).isEmpty();
        assertThat(invariants.deadProcessTrialsKept(trials.subList(0, 2), trials)).isEmpty();
    }

    @Test
    void changedCompleteTrialIsReported() {
        List<FrozenTrial> before = List.of(complete(0, A, 10, 91.0));
        List<FrozenTrial> after = List.of(complete(0, A, 10, 90.0));

        assertThat(invariants.completeTrialsKept(before, after)).singleElement().asString()
                .contains("trial 0 was COMPLETE and changed").contains("metrics");
        assertThat(invariants.completeTrialsKept(before, List.of())).singleElement()
                .asString().contains("trial 0 was COMPLETE and is gone");
    }

    @Test
    void deadProcessTrialMustNotFinish() {
        List<FrozenTrial> before = List.of(running(0, A, 10));

        assertThat(invariants.deadProcessTrialsKept(before, List.of(stale(0, A, 10))))
                .isEmpty();
        assertThat(invariants.deadProcessTrialsKept(before, List.of(complete(0, A, 10, 91.0))))
                .singleElement().asString().contains("is now COMPLETE, not STALE");
        assertThat(invariants.deadProcessTrialsKept(before, List.of(stale(0, B, 10))))
                .singleElement().asString().contains("changed its architecture or seed");
    }

    @Test
    void numberingGapIsReported() {
        List<FrozenTrial> trials = List.of(complete(0, A, 10, 91.0), complete(2, B, 12, 92.0));

        assertThat(invariants.wellFormed(trials)).singleElement().asString()
                .contains("gap or a repeat");
    }

    @Test
    void repeatedArchitectureIsReported() {
        List<FrozenTrial> trials = List.of(complete(0, A, 10, 91.0), complete(1, A, 11, 91.0));

        assertThat(invariants.wellFormed(trials)).singleElement().asString()
                .contains("trials 0 and 1 are both COMPLETE with one architecture");
    }

    @Test
    void retryUnderOtherSeedIsReported() {
        List<FrozenTrial> trials = List.of(stale(0, A, 10), retry(complete(1, A, 99, 91.0), 0));

        assertThat(invariants.wellFormed(trials)).singleElement().asString()
                .contains("retries trial 0 with another architecture or seed");
    }

    @Test
    void secondCompleteRetryIsReported() {
        List<FrozenTrial> trials = List.of(stale(0, A, 10), retry(complete(1, A, 10, 91.0), 0),
                retry(complete(2, A, 10, 91.0), 0));

        assertThat(invariants.wellFormed(trials)).anySatisfy(message ->
                assertThat(message).contains("STALE trial 0 has two COMPLETE retries"));
    }

    @Test
    void retryOfNonStaleTrialIsReported() {
        List<FrozenTrial> trials = List.of(complete(0, A, 10, 91.0),
                retry(complete(1, B, 10, 92.0), 0));

        assertThat(invariants.wellFormed(trials)).singleElement().asString()
                .contains("a retry must follow a STALE trial");
    }

    @Test
    void unfinishedStudyIsReported() {
        List<FrozenTrial> trials = List.of(complete(0, A, 10, 91.0), stale(1, B, 11),
                running(2, C, 12));

        List<String> broken = invariants.finished(trials, 2);

        assertThat(broken).anySatisfy(m -> assertThat(m).contains("trial 2 is still RUNNING"));
        assertThat(broken).anySatisfy(m -> assertThat(m).contains("1 COMPLETE trials, not the "
                + "budget of 2"));
        assertThat(broken).anySatisfy(m -> assertThat(m).contains("STALE trial 1 was never "
                + "evaluated again"));
    }

    @Test
    void failedTrialIsReported() {
        FrozenTrial failed = new FrozenTrial(0, TrialState.FAILED, A, 10, Map.of(), List.of(),
                Map.of(), Instant.EPOCH, Optional.of(Instant.EPOCH), Optional.of("disk full"));

        assertThat(invariants.wellFormed(List.of(failed))).singleElement().asString()
                .contains("trial 0 FAILED: disk full");
    }

    @Test
    void differentOrderIsReported() {
        List<CompletedTrial> uninterrupted = CompletedTrial.of(List.of(complete(0, A, 10, 91.0),
                complete(1, B, 11, 92.0)));
        List<CompletedTrial> killed = CompletedTrial.of(List.of(complete(0, B, 11, 92.0),
                complete(1, A, 10, 91.0)));

        assertThat(CrashInvariants.sameCompleted(uninterrupted, killed, "runs"))
                .singleElement().asString().contains("runs: COMPLETE trial 0 differs");
        assertThat(CrashInvariants.sameCompleted(uninterrupted, uninterrupted.subList(0, 1),
                "runs")).singleElement().asString().contains("2 against 1 COMPLETE trials");
    }

    @Test
    void cacheHitComparesAsEvaluation() {
        FrozenTrial fresh = complete(0, A, 10, 91.0);
        Map<String, Double> metrics = new HashMap<>(fresh.metrics());
        metrics.put("training_epochs", 0.0);
        Map<String, String> attributes = Map.of(CachingEvaluator.ATTRIBUTE, CachingEvaluator.HIT,
                CachingEvaluator.CACHED_TRAINING_EPOCHS, "200.0");
        FrozenTrial hit = new FrozenTrial(0, TrialState.COMPLETE, A, 10, metrics, List.of(),
                attributes, Instant.EPOCH, Optional.of(Instant.EPOCH), Optional.empty());
        FrozenTrial otherCost = new FrozenTrial(0, TrialState.COMPLETE, A, 10, metrics,
                List.of(), Map.of(), Instant.EPOCH, Optional.of(Instant.EPOCH),
                Optional.empty());

        assertThat(CompletedTrial.of(List.of(hit))).isEqualTo(CompletedTrial.of(List.of(fresh)));
        assertThat(CompletedTrial.of(List.of(otherCost)))
                .isNotEqualTo(CompletedTrial.of(List.of(fresh)));
    }

    private static FrozenTrial complete(int number, String architecture, long seed,
            double accuracy) {
        return new FrozenTrial(number, TrialState.COMPLETE, architecture, seed,
                Map.of("test_accuracy", accuracy, "training_epochs", 200.0), List.of(), Map.of(),
                Instant.EPOCH, Optional.of(Instant.EPOCH), Optional.empty());
    }

    private static FrozenTrial running(int number, String architecture, long seed) {
        return new FrozenTrial(number, TrialState.RUNNING, architecture, seed, Map.of(),
                List.of(), Map.of(), Instant.EPOCH, Optional.empty(), Optional.empty());
    }

    private static FrozenTrial stale(int number, String architecture, long seed) {
        return new FrozenTrial(number, TrialState.STALE, architecture, seed, Map.of(),
                List.of(), Map.of(), Instant.EPOCH, Optional.empty(), Optional.empty());
    }

    private static FrozenTrial retry(FrozenTrial trial, int staleNumber) {
        Map<String, String> attributes = new HashMap<>(trial.attributes());
        attributes.put(Study.RETRY_OF_ATTRIBUTE, Integer.toString(staleNumber));
        return new FrozenTrial(trial.number(), trial.state(), trial.architecture(), trial.seed(),
                trial.metrics(), trial.intermediate(), attributes, trial.started(),
                trial.finished(), trial.error());
    }
}
