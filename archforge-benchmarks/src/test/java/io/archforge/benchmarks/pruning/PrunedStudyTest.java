package io.archforge.benchmarks.pruning;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Evaluator;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.encoding.Encoding;
import io.archforge.predictor.PredictorFactory;
import io.archforge.predictor.Predictors;
import io.archforge.predictor.prune.LearnedPruner;
import io.archforge.predictor.prune.PruneDecision;
import io.archforge.predictor.prune.PruningOptions;
import io.archforge.storage.InMemoryStorage;
import io.archforge.storage.Storage;
import io.archforge.strategy.Strategies;
import io.archforge.study.Budget;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.StudyListener;
import io.archforge.study.TrialState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A study with a learned pruner on the NAS-Bench-201 CIFAR-10 table. */
class PrunedStudyTest {

    /** Skips every candidate predicted below the best, so every study here skips some. */
    private static final double RISK = 0.5;
    private static final PredictorFactory GP =
            Predictors.factory(Predictors.GP, Encoding.ONE_HOT).orElseThrow();
    private static final List<String> DECISION_ATTRIBUTES = List.of(
            PruneDecision.PREDICTED_MEAN, PruneDecision.PREDICTED_STD,
            PruneDecision.IMPROVEMENT_PROBABILITY, PruneDecision.PRUNE_RISK);

    private static Nb201Table table;
    private static Nb201Evaluator evaluator;

    @BeforeAll
    static void loadTable() {
        table = Nb201Table.load();
        evaluator = new Nb201Evaluator(table, Nb201Dataset.CIFAR10, Optional.empty());
    }

    @Test
    void budgetCountsOnlyEvaluatedTrials() {
        try (Storage storage = new InMemoryStorage()) {
            Study study = prunedStudy(storage, "evolution", 3);

            Study.StopReason reason = study.optimize(evaluator, Budget.trials(60),
                    StudyListener.NONE);

            List<FrozenTrial> trials = study.trials();
            assertThat(reason).isEqualTo(Study.StopReason.TRIAL_BUDGET);
            assertThat(study.finishedCount()).isEqualTo(60);
            assertThat(count(trials, TrialState.COMPLETE)).isEqualTo(60);
            assertThat(count(trials, TrialState.SKIPPED)).isPositive();
            assertThat(trials).hasSize(60 + (int) count(trials, TrialState.SKIPPED));
            assertThat(distinctKeys(only(trials, TrialState.COMPLETE))).isEqualTo(60);
            List<FrozenTrial> skipped = only(trials, TrialState.SKIPPED);
            assertThat(distinctKeys(skipped)).isEqualTo(skipped.size());
        }
    }

    @Test
    void skippedTrialsStoreTheirDecision() {
        try (Storage storage = new InMemoryStorage()) {
            Study study = prunedStudy(storage, "evolution", 3);
            study.optimize(evaluator, Budget.trials(60), StudyListener.NONE);

            List<FrozenTrial> trials = study.trials();
            assertThat(count(trials, TrialState.SKIPPED)).isPositive();
            int twentiethComplete = trials.stream()
                    .filter(t -> t.state() == TrialState.COMPLETE)
                    .skip(PruningOptions.DEFAULT_MIN_COMPLETE_TRIALS - 1)
                    .findFirst().orElseThrow().number();
            for (FrozenTrial skipped : trials) {
                if (skipped.state() != TrialState.SKIPPED) {
                    continue;
                }
                assertThat(skipped.number()).isGreaterThan(twentiethComplete);
                assertThat(skipped.metrics()).isEmpty();
                assertThat(skipped.attributes()).containsKeys(
                        DECISION_ATTRIBUTES.toArray(String[]::new));
                assertThat(skipped.attributes()).containsEntry("strategy", "evolution");
                assertThat(skipped.attributes()).containsEntry(PruneDecision.PRUNE_RISK, "0.5");
                assertThat(Double.parseDouble(skipped.attributes()
                        .get(PruneDecision.IMPROVEMENT_PROBABILITY))).isLessThan(RISK);
            }
            for (FrozenTrial evaluated : trials) {
                if (evaluated.state() == TrialState.COMPLETE) {
                    assertThat(evaluated.attributes())
                            .doesNotContainKey(PruneDecision.IMPROVEMENT_PROBABILITY);
                }
            }
        }
    }

    @Test
    void resumeRemembersSkippedCandidates() {
        try (Storage storage = new InMemoryStorage()) {
            Study first = prunedStudy(storage, "local-search", 5);
            first.optimize(evaluator, Budget.trials(50), StudyListener.NONE);
            List<FrozenTrial> before = first.trials();
            Map<String, Integer> skippedAs = new HashMap<>();
            before.stream().filter(t -> t.state() == TrialState.SKIPPED)
                    .forEach(t -> skippedAs.put(key(t), t.number()));
            assertThat(skippedAs).isNotEmpty();

            // Local search proposes every unevaluated neighbour of its centre, so a resumed
            // study that forgot a skip would store the neighbour as a new trial.
            Study resumed = Study.open(storage, config("local-search", 5), table.space(),
                    Strategies.create("local-search", Map.of()));
            resumed.optimize(evaluator, Budget.trials(100), StudyListener.NONE);

            List<FrozenTrial> after = resumed.trials();
            assertThat(resumed.finishedCount()).isEqualTo(100);
            for (FrozenTrial trial : after.subList(before.size(), after.size())) {
                Integer earlier = skippedAs.get(key(trial));
                if (earlier != null) {
                    assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
                    assertThat(trial.attributes())
                            .containsEntry(Study.SKIPPED_AS_ATTRIBUTE, earlier.toString());
                }
            }
        }
    }

    @Test
    void streakOfSkipsEvaluatesMostPromising() {
        try (Storage storage = new InMemoryStorage()) {
            Study study = Study.open(storage, config("evolution", 4), table.space(),
                    Strategies.create("evolution", Map.of()));
            study.usePruner(new LearnedPruner(GP, table.space(), 0.2,
                    new PruningOptions(20, 5, 3), 4));
            study.optimize(evaluator, Budget.trials(80), StudyListener.NONE);

            List<FrozenTrial> trials = study.trials();
            Map<Integer, FrozenTrial> byNumber = new HashMap<>();
            trials.forEach(t -> byNumber.put(t.number(), t));
            long fallbacks = 0;
            for (FrozenTrial trial : trials) {
                String skippedAs = trial.attributes().get(Study.SKIPPED_AS_ATTRIBUTE);
                if (skippedAs == null) {
                    continue;
                }
                fallbacks++;
                FrozenTrial skipped = byNumber.get(Integer.parseInt(skippedAs));
                assertThat(skipped.state()).isEqualTo(TrialState.SKIPPED);
                assertThat(key(skipped)).isEqualTo(key(trial));
            }
            assertThat(fallbacks).isPositive();
            assertThat(study.finishedCount()).isEqualTo(80);
        }
    }

    @Test
    void sameSeedReplaysSameTrials() {
        try (Storage first = new InMemoryStorage(); Storage second = new InMemoryStorage()) {
            Study one = prunedStudy(first, "evolution", 9);
            Study two = prunedStudy(second, "evolution", 9);

            one.optimize(evaluator, Budget.trials(45), StudyListener.NONE);
            two.optimize(evaluator, Budget.trials(45), StudyListener.NONE);

            assertThat(two.trials()).extracting(t -> t.state() + " " + t.architecture())
                    .isEqualTo(one.trials().stream()
                            .map(t -> t.state() + " " + t.architecture()).toList());
        }
    }

    private static Study prunedStudy(Storage storage, String strategy, long seed) {
        Study study = Study.open(storage, config(strategy, seed), table.space(),
                Strategies.create(strategy, Map.of()));
        study.usePruner(new LearnedPruner(GP, table.space(), RISK, PruningOptions.defaults(),
                seed));
        return study;
    }

    private static StudyConfig config(String strategy, long seed) {
        return new StudyConfig("pruned-" + strategy + "-" + seed, "nb201", "nb201",
                Map.of("dataset", "cifar10"), strategy, Map.of(),
                List.of(Objective.maximize(Nb201Evaluator.TEST_ACCURACY)), seed);
    }

    private static long count(List<FrozenTrial> trials, TrialState state) {
        return trials.stream().filter(t -> t.state() == state).count();
    }

    private static List<FrozenTrial> only(List<FrozenTrial> trials, TrialState state) {
        return trials.stream().filter(t -> t.state() == state).toList();
    }

    private static String key(FrozenTrial trial) {
        return table.space().parse(trial.architecture()).isomorphismKey();
    }

    private static int distinctKeys(List<FrozenTrial> trials) {
        Set<String> keys = new HashSet<>();
        trials.forEach(t -> keys.add(key(t)));
        return keys.size();
    }
}
