package io.archforge.refine;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.Choice;
import io.archforge.space.MacroSpace;
import io.archforge.space.RefinedSpace;
import io.archforge.space.SearchSpace;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

class SpaceRefinerProperties {

    @Property(tries = 50)
    void nb201KeepsBestAndAValuePerChoice(@ForAll long seed,
            @ForAll @IntRange(min = 30, max = 200) int count,
            @ForAll @DoubleRange(min = 0.5, max = 0.999) @Scale(3) double confidence,
            @ForAll @DoubleRange(min = 0.05, max = 0.5) double topFraction) {
        checkInvariants(CellSpace.nb201(), seed, count, confidence, topFraction);
    }

    @Property(tries = 50)
    void macroKeepsBestAndAValuePerChoice(@ForAll long seed,
            @ForAll @IntRange(min = 30, max = 200) int count,
            @ForAll @DoubleRange(min = 0.5, max = 0.999) @Scale(3) double confidence,
            @ForAll @DoubleRange(min = 0.05, max = 0.5) double topFraction) {
        checkInvariants(MacroSpace.create(), seed, count, confidence, topFraction);
    }

    /**
     * Values the trials by random additive effects of each value plus noise, so that
     * some values are removed, and checks the rules that must hold.
     */
    private static void checkInvariants(SearchSpace space, long seed, int count,
            double confidence, double topFraction) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Choice> choices = space.choices();
        double[][] effects = new double[choices.size()][];
        for (int i = 0; i < effects.length; i++) {
            effects[i] = random.doubles(RefinedSpace.valueTexts(choices.get(i)).size(), -3, 3)
                    .toArray();
        }
        List<FrozenTrial> trials = RefineFixtures.trials(space, count, random,
                a -> value(space, effects, a) + random.nextGaussian());
        SpaceRefiner refiner = new SpaceRefiner(new RefinerSettings(confidence, topFraction, 30));

        Refinement refinement = refiner.refine("p", space,
                Objective.maximize(RefineFixtures.METRIC), trials);

        Architecture best = space.parse(refinement.bestArchitecture());
        RefinedSpace refined = refinement.apply(space);
        assertThat(refined.contains(best)).isTrue();
        for (ChoiceEvidence choice : refinement.choices()) {
            assertThat(choice.keptValues()).isNotEmpty();
            assertThat(choice.importance()).isBetween(0.0, 1.0);
        }
        for (int i = 0; i < choices.size(); i++) {
            String bestValue = RefinedSpace.valueText(choices.get(i), best.intGene(i));
            assertThat(refinement.choices().get(i).keptValues()).contains(bestValue);
        }
        assertThat(refined.size()).isEqualTo(refinement.sizeAfter());
        Statistics.label("removes a value").collect(refinement.removedCount() > 0);
    }

    private static double value(SearchSpace space, double[][] effects, Architecture a) {
        double total = 0;
        for (int i = 0; i < effects.length; i++) {
            Choice choice = space.choices().get(i);
            int position = choice instanceof Choice.IntRange range
                    ? (a.intGene(i) - range.low()) / range.step() : a.intGene(i);
            total += effects[i][position];
        }
        return total;
    }
}
