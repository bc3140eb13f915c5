package io.archforge.strategy;

import static io.archforge.strategy.StrategyFixtures.ACCURACY;
import static io.archforge.strategy.StrategyFixtures.complete;
import static io.archforge.strategy.StrategyFixtures.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.Choice;
import io.archforge.space.ChoiceSpace;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReinforceTest {

    private static final CellSpace NB201 = CellSpace.nb201();

    /** 200 random cells scored by whether edge 0 is a 3x3 convolution (option 3). */
    private static List<FrozenTrial> edgeZeroHistory(String metric, double good, double bad) {
        SplittableRandom random = new SplittableRandom(3);
        List<FrozenTrial> history = new ArrayList<>();
        for (int n = 0; n < 200; n++) {
            Architecture cell = NB201.sample(random);
            double value = cell.intGene(0) == 3 ? good : bad;
            history.add(complete(n, cell, Map.of(metric, value + random.nextDouble())));
        }
        return history;
    }

    @Test
    void learnsFromTrialsItDidNotPropose() {
        Reinforce reinforce = new Reinforce(ReinforceOptions.defaults());
        reinforce.warmStart(edgeZeroHistory("accuracy", 90, 60));

        reinforce.propose(context(NB201, ACCURACY, 1, a -> false));

        // Uniform would be 0.2; 200 rewarded samples push the option well above it.
        assertThat(reinforce.probabilities(0)[3]).isGreaterThan(0.6);
        assertThat(reinforce.probabilities(1)[3]).isLessThan(0.4);
    }

    @Test
    void minimisedObjectiveRewardsLowValues() {
        Reinforce reinforce = new Reinforce(ReinforceOptions.defaults());
        reinforce.warmStart(edgeZeroHistory("latency_ms", 1, 9));

        reinforce.propose(context(NB201, List.of(Objective.minimize("latency_ms")), 1,
                a -> false));

        assertThat(reinforce.probabilities(0)[3]).isGreaterThan(0.6);
    }

    @Test
    void warmStartEqualsTellReplay() {
        List<FrozenTrial> history = edgeZeroHistory("accuracy", 90, 60);
        Reinforce warm = new Reinforce(ReinforceOptions.defaults());
        Reinforce told = new Reinforce(ReinforceOptions.defaults());
        warm.warmStart(history);
        told.propose(context(NB201, ACCURACY, 99, a -> false));
        history.forEach(told::tell);

        for (long seed = 0; seed < 20; seed++) {
            assertThat(warm.ask(context(NB201, ACCURACY, seed, a -> false)))
                    .isEqualTo(told.ask(context(NB201, ACCURACY, seed, a -> false)));
        }
    }

    @Test
    void integerChoicesAreCategoricalOverTheirValues() {
        ChoiceSpace space = new ChoiceSpace("ints", List.of(
                new Choice.IntRange("width", 16, 64, 16), new Choice.IntRange("depth", 1, 3, 1)));
        Reinforce reinforce = new Reinforce(ReinforceOptions.defaults());

        for (long seed = 0; seed < 50; seed++) {
            Architecture architecture = reinforce.ask(context(space, ACCURACY, seed, a -> false));
            assertThat(space.choices().get(0).accepts(architecture.genes().get(0))).isTrue();
        }
        assertThat(reinforce.probabilities(0)).hasSize(4);
    }

    @Test
    void samplesRealValuedChoicesFromBins() {
        ChoiceSpace space = new ChoiceSpace("lr", List.of(
                new Choice.FloatRange("learning_rate", 0.001, 0.1, true)));
        Reinforce reinforce = new Reinforce(ReinforceOptions.defaults());

        for (long seed = 0; seed < 50; seed++) {
            Architecture architecture = reinforce.ask(context(space, ACCURACY, seed, a -> false));
            assertThat(space.choices().get(0).accepts(architecture.genes().get(0))).isTrue();
        }
        assertThat(reinforce.probabilities(0)).hasSize(Reinforce.REAL_BINS);
    }

    @Test
    void learnsWhichBinOfARealChoiceIsBest() {
        ChoiceSpace space = new ChoiceSpace("lr", List.of(
                new Choice.FloatRange("learning_rate", 0.001, 0.1, true)));
        Reinforce reinforce = new Reinforce(ReinforceOptions.defaults());
        for (int trial = 0; trial < 200; trial++) {
            Architecture architecture =
                    reinforce.ask(context(space, ACCURACY, trial, a -> false));
            double rate = architecture.doubleGene(0);
            reinforce.tell(complete(trial, architecture,
                    Map.of("accuracy", -Math.abs(Math.log10(rate) + 2))));
        }

        double[] probabilities = reinforce.probabilities(0);

        // The best rate, 0.01, is the edge of bins 3 and 4 of 8 from 0.001 to 0.1.
        int likeliest = 0;
        for (int bin = 1; bin < probabilities.length; bin++) {
            if (probabilities[bin] > probabilities[likeliest]) {
                likeliest = bin;
            }
        }
        assertThat(likeliest).isIn(3, 4);
    }

    @Test
    void optionsRoundTripAndRanges() {
        ReinforceOptions custom = new ReinforceOptions(0.1, 0.0, 0.5, 2.0, 10, 0);

        assertThat(ReinforceOptions.parse(custom.toMap())).isEqualTo(custom);
        assertThat(ReinforceOptions.parse(Map.of())).isEqualTo(ReinforceOptions.defaults());
        assertThatThrownBy(() -> ReinforceOptions.parse(Map.of("learning_rate", "0")))
                .hasMessageContaining("learning_rate must be in (0.0, 10.0], got 0.0");
        assertThatThrownBy(() -> ReinforceOptions.parse(Map.of("temperature", "-1")))
                .hasMessageContaining("temperature must be in (0.0, 100.0], got -1.0");
        assertThatThrownBy(() -> ReinforceOptions.parse(Map.of("baseline_decay", "1")))
                .hasMessageContaining("baseline_decay must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> ReinforceOptions.parse(Map.of("lr", "0.1")))
                .hasMessageContaining("unknown reinforce options [lr]")
                .hasMessageContaining("learning_rate");
        assertThatThrownBy(() -> ReinforceOptions.parse(Map.of("entropy", "much")))
                .hasMessageContaining("entropy must be a number, got 'much'");
    }
}
