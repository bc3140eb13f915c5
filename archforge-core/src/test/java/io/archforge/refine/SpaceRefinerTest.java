package io.archforge.refine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.MacroSpace;
import io.archforge.space.RefinedSpace;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpaceRefinerTest {

    private static final CellSpace NB201 = CellSpace.nb201();
    private static final Objective ACCURACY = Objective.maximize(RefineFixtures.METRIC);
    private static final SpaceRefiner REFINER =
            new SpaceRefiner(RefinerSettings.withConfidence(0.95));

    /** 300 random cells; a zero operation on the first edge costs 30 points. */
    private static List<FrozenTrial> firstEdgeMatters() {
        SplittableRandom noise = new SplittableRandom(2);
        return RefineFixtures.trials(NB201, 300, new SplittableRandom(1),
                cell -> 90 - (cell.intGene(0) == 0 ? 30 : 0) + noise.nextDouble());
    }

    @Test
    void removesDepletedValueOnly() {
        Refinement refinement = REFINER.refine("s", NB201, ACCURACY, firstEdgeMatters());

        ValueEvidence zero = refinement.choices().get(0).values().get(0);
        assertThat(zero.value()).isEqualTo("none");
        assertThat(zero.decision()).isEqualTo(Decision.REMOVED);
        assertThat(zero.topTrials()).isZero();
        assertThat(zero.adjustedPValue()).isLessThan(0.05).isGreaterThanOrEqualTo(zero.pValue());
        assertThat(zero.reason()).contains("top 60").contains("adjusted p");
        assertThat(refinement.removedCount()).isEqualTo(1);
        assertThat(refinement.sizeBefore()).isEqualTo(15_625);
        assertThat(refinement.sizeAfter()).isEqualTo(4 * 3_125);
    }

    @Test
    void importanceRanksDecisiveChoiceFirst() {
        Refinement refinement = REFINER.refine("s", NB201, ACCURACY, firstEdgeMatters());

        double first = refinement.choices().get(0).importance();
        assertThat(first).isGreaterThan(0.5);
        for (ChoiceEvidence other : refinement.choices().subList(1, 6)) {
            assertThat(other.importance()).isLessThan(0.05);
        }
    }

    @Test
    void keepsValuesOfBestTrial() {
        Refinement refinement = REFINER.refine("s", NB201, ACCURACY, firstEdgeMatters());

        Architecture best = NB201.parse(refinement.bestArchitecture());
        for (int i = 0; i < 6; i++) {
            ValueEvidence value = refinement.choices().get(i).values().get(best.intGene(i));
            assertThat(value.decision()).isEqualTo(Decision.KEPT_IN_BEST);
        }
        assertThat(refinement.apply(NB201).contains(best)).isTrue();
    }

    @Test
    void topGroupIsCeilingOfFraction() {
        SpaceRefiner refiner = new SpaceRefiner(new RefinerSettings(0.9, 0.1, 30));

        Refinement refinement = refiner.refine("s", NB201, ACCURACY,
                firstEdgeMatters().subList(0, 41));

        assertThat(refinement.trials()).isEqualTo(41);
        assertThat(refinement.topTrials()).isEqualTo(5);
    }

    @Test
    void onlyCompleteTrialsCount() {
        List<FrozenTrial> trials = new ArrayList<>(firstEdgeMatters().subList(0, 30));
        Architecture cell = NB201.sample(new SplittableRandom(9));
        trials.add(new FrozenTrial(30, TrialState.FAILED, cell.text(), 0, Map.of(), List.of(),
                Map.of(), Instant.EPOCH, Optional.of(Instant.EPOCH), Optional.of("boom")));
        trials.add(RefineFixtures.trial(31, cell, Double.NaN));

        Refinement refinement = REFINER.refine("s", NB201, ACCURACY, trials);

        assertThat(refinement.trials()).isEqualTo(30);
    }

    @Test
    void tooFewTrialsRejected() {
        List<FrozenTrial> trials = firstEdgeMatters().subList(0, 12);

        assertThatThrownBy(() -> REFINER.refine("small", NB201, ACCURACY, trials))
                .isInstanceOf(TooFewTrialsException.class)
                .hasMessageContaining("study 'small' has 12 complete trials")
                .hasMessageContaining("minimum of 30");
    }

    @Test
    void noCompleteTrialRejected() {
        assertThatThrownBy(() -> REFINER.refine("empty", NB201, ACCURACY, List.of()))
                .isInstanceOf(TooFewTrialsException.class)
                .hasMessageContaining("study 'empty' has no complete trial");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, 1.5, -0.2, Double.NaN})
    void confidenceOutsideUnitIntervalRejected(double confidence) {
        assertThatThrownBy(() -> RefinerSettings.withConfidence(confidence))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid confidence " + confidence)
                .hasMessageContaining("strictly between 0 and 1");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, Double.NaN})
    void topFractionOutsideUnitIntervalRejected(double fraction) {
        assertThatThrownBy(() -> new RefinerSettings(0.95, fraction, 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid top fraction");
    }

    @Test
    void applyToOtherSpaceRejected() {
        Refinement refinement = REFINER.refine("s", NB201, ACCURACY, firstEdgeMatters());

        assertThatThrownBy(() -> refinement.apply(MacroSpace.create()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("space 'nb201'")
                .hasMessageContaining("space 'macro'");
    }

    @Test
    void applyAcceptsRefinedBase() {
        Refinement refinement = REFINER.refine("s", NB201, ACCURACY, firstEdgeMatters());
        RefinedSpace other = RefinedSpace.restrict(NB201, Map.of("1->2", List.of("none")));

        RefinedSpace applied = refinement.apply(other);

        assertThat(applied).isEqualTo(refinement.apply(NB201));
        assertThat(applied.size()).isEqualTo(refinement.sizeAfter());
    }

    @Test
    void refiningRefinedSpaceKeepsExclusions() {
        RefinedSpace searched = RefinedSpace.restrict(NB201,
                Map.of("2->3", List.of("nor_conv_3x3", "nor_conv_1x1")));
        SplittableRandom noise = new SplittableRandom(4);
        List<FrozenTrial> trials = RefineFixtures.trials(searched, 200,
                new SplittableRandom(3), cell -> 80 + noise.nextDouble());

        Refinement refinement = REFINER.refine("s", searched, ACCURACY, trials);

        ChoiceEvidence last = refinement.choices().get(5);
        assertThat(last.values().get(0).decision()).isEqualTo(Decision.EXCLUDED);
        assertThat(last.values().get(0).pValue()).isNaN();
        assertThat(last.keptValues()).containsExactlyInAnyOrder("nor_conv_3x3", "nor_conv_1x1");
        assertThat(refinement.sizeBefore()).isEqualTo(searched.size());
        assertThat(refinement.apply(NB201).size()).isEqualTo(refinement.sizeAfter());
    }

    @Test
    void untriedValueKeptForLackOfEvidence() {
        RefinedSpace searched = RefinedSpace.restrict(NB201,
                Map.of("0->1", List.of("nor_conv_3x3")));
        SplittableRandom noise = new SplittableRandom(6);
        List<FrozenTrial> trials = RefineFixtures.trials(searched, 60,
                new SplittableRandom(5), cell -> noise.nextDouble());

        Refinement refinement = REFINER.refine("s", NB201, ACCURACY, trials);

        ValueEvidence untried = refinement.choices().get(0).values().get(0);
        assertThat(untried.trials()).isZero();
        assertThat(untried.decision()).isEqualTo(Decision.KEPT);
        assertThat(untried.pValue()).isEqualTo(1.0);
        assertThat(untried.reason()).contains("No trial used it");
    }
}
