package io.archforge.predictor.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.encoding.Encoding;
import io.archforge.predictor.PredictorFactory;
import io.archforge.predictor.Predictors;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link LearnedPruner} on a synthetic problem over the nb201 cell space: accuracy is a
 * sum over the six edges, largest for 3x3 convolutions and zero for no operation, and
 * latency grows with the convolutions.
 */
class LearnedPrunerTest {

    private static final CellSpace SPACE = CellSpace.nb201();
    private static final List<Objective> ACCURACY = List.of(Objective.maximize("accuracy"));
    private static final List<Objective> ACCURACY_AND_LATENCY = List.of(
            Objective.maximize("accuracy"), Objective.minimize("latency_ms"));
    private static final PredictorFactory GP =
            Predictors.factory(Predictors.GP, Encoding.ONE_HOT).orElseThrow();
    private static final double RISK = 0.05;

    /** Every edge a 3x3 convolution: the best cell of the synthetic problem. */
    private static final Architecture BEST = cell(3, 3, 3, 3, 3, 3);
    /** No operation on any edge: the worst cell. */
    private static final Architecture EMPTY = cell(0, 0, 0, 0, 0, 0);

    @Test
    void neverJudgesBeforeMinTrials() {
        LearnedPruner pruner = new LearnedPruner(GP, SPACE, RISK, PruningOptions.defaults(), 7);
        List<FrozenTrial> trials = randomTrials(19, 1);

        for (Architecture candidate : List.of(EMPTY, cell(0, 1, 0, 1, 0, 1), BEST)) {
            PruneDecision decision = pruner.decide(candidate, trials, ACCURACY);
            assertThat(decision.skip()).isFalse();
            assertThat(decision.judged()).isFalse();
        }
    }

    @Test
    void skipsClearlyBadCandidate() {
        LearnedPruner pruner = new LearnedPruner(GP, SPACE, RISK, PruningOptions.defaults(), 7);
        List<FrozenTrial> trials = randomTrials(40, 2);

        PruneDecision decision = pruner.decide(EMPTY, trials, ACCURACY);

        assertThat(decision.judged()).isTrue();
        assertThat(decision.skip()).isTrue();
        assertThat(decision.improvementProbability()).isLessThan(RISK);
        assertThat(decision.predictions().get(0).mean()).isLessThan(bestAccuracy(trials));
    }

    @Test
    void keepsClearlyGoodCandidate() {
        LearnedPruner pruner = new LearnedPruner(GP, SPACE, RISK, PruningOptions.defaults(), 7);
        List<FrozenTrial> trials = randomTrials(40, 2);
        assertThat(bestAccuracy(trials)).isLessThan(accuracy(BEST));

        PruneDecision decision = pruner.decide(BEST, trials, ACCURACY);

        assertThat(decision.skip()).isFalse();
        assertThat(decision.improvementProbability()).isGreaterThan(0.5);
    }

    @Test
    void maxSkipsInARowComesFromOptions() {
        LearnedPruner pruner = new LearnedPruner(GP, SPACE, RISK, new PruningOptions(20, 5, 7), 7);

        assertThat(pruner.maxSkipsInARow()).isEqualTo(7);
    }

    @Test
    void sameSeedGivesSameDecisions() {
        List<FrozenTrial> trials = randomTrials(33, 3);
        LearnedPruner first = new LearnedPruner(GP, SPACE, RISK, PruningOptions.defaults(), 11);
        LearnedPruner second = new LearnedPruner(GP, SPACE, RISK, PruningOptions.defaults(), 11);
        SplittableRandom random = new SplittableRandom(4);

        for (int i = 0; i < 20; i++) {
            Architecture candidate = SPACE.sample(random);
            assertThat(first.decide(candidate, trials, ACCURACY))
                    .isEqualTo(second.decide(candidate, trials, ACCURACY));
        }
    }

    @Test
    void refitsOnlyAtRefitSizes() {
        LearnedPruner pruner = new LearnedPruner(GP, SPACE, RISK, PruningOptions.defaults(), 7);
        List<FrozenTrial> trials = randomTrials(29, 5);

        // 27 complete trials fit the first 25, as 25 do; 30 would fit the first 30.
        PruneDecision at25 = pruner.decide(EMPTY, trials.subList(0, 25), ACCURACY);
        PruneDecision at27 = pruner.decide(EMPTY, trials.subList(0, 27), ACCURACY);
        PruneDecision at29 = pruner.decide(EMPTY, trials, ACCURACY);

        assertThat(at27.predictions()).isEqualTo(at25.predictions());
        assertThat(at29.predictions()).isEqualTo(at25.predictions());
    }

    @Test
    void learnsOnlyFromCompleteTrials() {
        List<FrozenTrial> complete = randomTrials(20, 6);
        List<FrozenTrial> mixed = new ArrayList<>(complete);
        mixed.add(trial(20, EMPTY, TrialState.SKIPPED, Map.of()));
        mixed.add(trial(21, cell(1, 1, 1, 1, 1, 1), TrialState.FAILED, Map.of()));
        LearnedPruner withOthers = new LearnedPruner(GP, SPACE, RISK, PruningOptions.defaults(), 7);
        LearnedPruner alone = new LearnedPruner(GP, SPACE, RISK, PruningOptions.defaults(), 7);

        assertThat(withOthers.decide(EMPTY, mixed, ACCURACY))
                .isEqualTo(alone.decide(EMPTY, complete, ACCURACY));
        assertThat(new LearnedPruner(GP, SPACE, RISK, PruningOptions.defaults(), 7)
                .decide(EMPTY, mixed.subList(1, mixed.size()), ACCURACY).judged())
                .isFalse();
    }

    @Test
    void skipsDominatedCandidateWithTwoObjectives() {
        LearnedPruner pruner = new LearnedPruner(GP, SPACE, RISK, PruningOptions.defaults(), 7);
        List<FrozenTrial> trials = randomTrials(40, 2);

        // Pooling on every edge: low accuracy at the latency of two 1x1 convolutions.
        PruneDecision dominated = pruner.decide(cell(4, 4, 4, 4, 4, 4), trials,
                ACCURACY_AND_LATENCY);
        PruneDecision best = pruner.decide(BEST, trials, ACCURACY_AND_LATENCY);

        assertThat(dominated.predictions()).hasSize(2);
        assertThat(dominated.skip()).isTrue();
        assertThat(best.skip()).isFalse();
    }

    @Test
    void riskOutsideOpenIntervalIsRejected() {
        for (double risk : new double[] {0, 1, 1.5, -0.1, Double.NaN}) {
            assertThatThrownBy(() -> new LearnedPruner(GP, SPACE, risk,
                    PruningOptions.defaults(), 7))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("between 0 and 1");
        }
    }

    @Test
    void decisionRecordsItsAttributes() {
        LearnedPruner pruner = new LearnedPruner(GP, SPACE, RISK, PruningOptions.defaults(), 7);
        PruneDecision decision = pruner.decide(EMPTY, randomTrials(40, 2), ACCURACY_AND_LATENCY);

        Map<String, String> attributes = decision.attributes(RISK);

        String[] means = attributes.get(PruneDecision.PREDICTED_MEAN).split(",");
        assertThat(means).hasSize(2);
        assertThat(Double.parseDouble(means[1]))
                .isEqualTo(decision.predictions().get(1).mean());
        assertThat(attributes.get(PruneDecision.PREDICTED_STD).split(",")).hasSize(2);
        assertThat(Double.parseDouble(attributes.get(PruneDecision.IMPROVEMENT_PROBABILITY)))
                .isEqualTo(decision.improvementProbability());
        assertThat(attributes).containsEntry(PruneDecision.PRUNE_RISK, "0.05");
    }

    /** Complete trials of distinct random cells other than {@link #BEST}, numbered from 0. */
    private static List<FrozenTrial> randomTrials(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> seen = new HashSet<>(Set.of(BEST.isomorphismKey(), EMPTY.isomorphismKey()));
        List<FrozenTrial> trials = new ArrayList<>();
        while (trials.size() < count) {
            Architecture cell = SPACE.sample(random);
            if (seen.add(cell.isomorphismKey())) {
                trials.add(trial(trials.size(), cell, TrialState.COMPLETE,
                        Map.of("accuracy", accuracy(cell), "latency_ms", latency(cell))));
            }
        }
        return trials;
    }

    private static double bestAccuracy(List<FrozenTrial> trials) {
        return trials.stream().mapToDouble(t -> t.metrics().get("accuracy")).max().orElseThrow();
    }

    private static double accuracy(Architecture cell) {
        double[] byOperation = {0, 3, 8, 12, 2};
        double sum = 10;
        for (int edge = 0; edge < 6; edge++) {
            sum += byOperation[cell.intGene(edge)];
        }
        return sum;
    }

    private static double latency(Architecture cell) {
        double[] byOperation = {0, 0, 1, 3, 0.5};
        double sum = 1;
        for (int edge = 0; edge < 6; edge++) {
            sum += byOperation[cell.intGene(edge)];
        }
        return sum;
    }

    private static Architecture cell(int... operations) {
        List<Integer> genes = new ArrayList<>();
        for (int operation : operations) {
            genes.add(operation);
        }
        return SPACE.of(genes);
    }

    private static FrozenTrial trial(int number, Architecture cell, TrialState state,
            Map<String, Double> metrics) {
        Instant started = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(number);
        return new FrozenTrial(number, state, cell.text(), number, metrics, List.of(), Map.of(),
                started, Optional.of(started.plusSeconds(1)), Optional.empty());
    }
}
