package io.archforge.strategy;

import static io.archforge.strategy.StrategyFixtures.ACCURACY;
import static io.archforge.strategy.StrategyFixtures.GRID;
import static io.archforge.strategy.StrategyFixtures.context;
import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RandomSearchTest {

    private final RandomSearch search = new RandomSearch();

    @Test
    void skipsEvaluatedArchitectures() {
        Architecture unseen = GRID.parse("x=2,y=1");

        for (long seed = 0; seed < 20; seed++) {
            AskContext context = context(GRID, ACCURACY, seed, a -> !a.equals(unseen));

            Architecture proposal = search.ask(context);

            assertThat(proposal).isEqualTo(unseen);
        }
    }

    @Test
    void repeatsWhenEverythingWasEvaluated() {
        Architecture proposal = search.ask(context(GRID, ACCURACY, 1, a -> true));

        assertThat(GRID.parse(proposal.text())).isEqualTo(proposal);
    }

    @Test
    void sameSeedSameProposal() {
        CellSpace nb201 = CellSpace.nb201();

        Architecture first = search.ask(context(nb201, ACCURACY, 42, a -> false));
        Architecture second = search.ask(context(nb201, ACCURACY, 42, a -> false));
        Architecture other = search.ask(context(nb201, ACCURACY, 43, a -> false));

        assertThat(first).isEqualTo(second);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void proposalsAreUniform() {
        Map<Architecture, Integer> counts = new HashMap<>();

        for (long seed = 0; seed < 1600; seed++) {
            counts.merge(search.ask(context(GRID, ACCURACY, seed, a -> false)), 1, Integer::sum);
        }

        // 100 expected per architecture, standard deviation 9.7.
        assertThat(counts).hasSize(16);
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(60, 140));
    }

    @Test
    void name() {
        assertThat(search.name()).isEqualTo("random");
    }
}
