package io.archforge.strategy;

import static io.archforge.strategy.StrategyFixtures.ACCURACY;
import static io.archforge.strategy.StrategyFixtures.complete;
import static io.archforge.strategy.StrategyFixtures.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvolutionExplorationTest {

    private static final CellSpace NB201 = CellSpace.nb201();
    private static final Architecture PARENT = NB201.parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|"
            + "nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|");

    /** Population 2, patience 3, up to 2 extra mutations; the parent scores best. */
    private static RegularizedEvolution stagnated(int flatTrials) {
        RegularizedEvolution evolution =
                new RegularizedEvolution(new EvolutionOptions(2, 2, 3, 2));
        evolution.propose(context(NB201, ACCURACY, 0, a -> false));
        evolution.tell(complete(0, PARENT, Map.of("accuracy", 90.0)));
        for (int n = 1; n <= flatTrials; n++) {
            evolution.tell(complete(n, PARENT, Map.of("accuracy", 10.0)));
        }
        return evolution;
    }

    private static int distance(Architecture a, Architecture b) {
        int differing = 0;
        for (int i = 0; i < a.genes().size(); i++) {
            differing += a.genes().get(i).equals(b.genes().get(i)) ? 0 : 1;
        }
        return differing;
    }

    @Test
    void stagnationAddsMutationsAndIsNoted() {
        RegularizedEvolution evolution = stagnated(3);

        Proposal proposal = evolution.propose(context(NB201, ACCURACY, 1, a -> false));

        assertThat(proposal.attributes()).containsEntry("exploration_level", "1")
                .containsKey("exploration_event");
        int maxDistance = 0;
        for (long seed = 0; seed < 100; seed++) {
            Architecture child = evolution.ask(context(NB201, ACCURACY, seed, a -> false));
            maxDistance = Math.max(maxDistance, distance(child, PARENT));
        }
        assertThat(maxDistance).isEqualTo(2);
    }

    @Test
    void raisedLevelsStillTakeSingleSteps() {
        RegularizedEvolution evolution = stagnated(30);

        java.util.Set<Integer> distances = new java.util.TreeSet<>();
        for (long seed = 0; seed < 200; seed++) {
            distances.add(distance(evolution.ask(context(NB201, ACCURACY, seed, a -> false)),
                    PARENT));
        }
        assertThat(distances).contains(1, 3).allMatch(d -> d <= 3);
    }

    @Test
    void levelStopsAtTheMaximum() {
        RegularizedEvolution evolution = stagnated(30);

        Proposal proposal = evolution.propose(context(NB201, ACCURACY, 1, a -> false));

        assertThat(proposal.attributes()).containsEntry("exploration_level", "2");
    }

    @Test
    void improvementReturnsToOneMutation() {
        RegularizedEvolution evolution = stagnated(3);
        evolution.tell(complete(4, PARENT, Map.of("accuracy", 95.0)));

        for (long seed = 0; seed < 50; seed++) {
            Proposal proposal = evolution.propose(context(NB201, ACCURACY, seed, a -> false));
            assertThat(proposal.attributes()).containsEntry("exploration_level", "0");
            assertThat(distance(proposal.architecture(), PARENT)).isEqualTo(1);
        }
    }

    @Test
    void optionsRejectValuesOutOfRange() {
        assertThatThrownBy(() -> new EvolutionOptions(-4, 1))
                .hasMessageContaining("population must be at least 2, got -4");
        assertThatThrownBy(() -> EvolutionOptions.parse(Map.of("max_exploration_level", "3")))
                .hasMessageContaining("max_exploration_level must be from 0 to 2, got 3");
        assertThatThrownBy(() -> EvolutionOptions.parse(Map.of("stagnation_patience", "0")))
                .hasMessageContaining("stagnation_patience must be from 1 to 10000, got 0");
    }
}
