package io.archforge.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.strategy.bo.Acquisition;
import io.archforge.strategy.bo.TargetTransform;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NpenasTest {

    private static final CellSpace NB201 = CellSpace.nb201();
    private static final Architecture ALL_THREE = NB201.of(List.of(3, 3, 3, 3, 3, 3));
    private static final Architecture ALL_TWO = NB201.of(List.of(2, 2, 2, 2, 2, 2));

    @Test
    void defaultsFollowNpenasBo() {
        NpenasOptions defaults = NpenasOptions.parse(Map.of());

        assertThat(defaults).isEqualTo(NpenasOptions.defaults());
        assertThat(defaults.search().initialRandom()).isEqualTo(10);
        assertThat(defaults.search().candidates()).isEqualTo(100);
        assertThat(defaults.search().acquisition()).isEqualTo(Acquisition.TS);
        assertThat(defaults.search().randomShare()).isZero();
        assertThat(defaults.search().predictor()).isEmpty();
    }

    @Test
    void optionsRoundTrip() {
        NpenasOptions options = NpenasOptions.parse(Map.of("acquisition", "mean",
                "predictor", "mlp-ensemble", "transform", "none", "max_history", "40"));

        assertThat(options.search().acquisition()).isEqualTo(Acquisition.MEAN);
        assertThat(options.search().predictor()).isEqualTo(Optional.of("mlp-ensemble"));
        assertThat(options.search().transform()).isEqualTo(TargetTransform.NONE);
        assertThat(options.maxHistory()).isEqualTo(40);
        assertThat(NpenasOptions.parse(options.toMap())).isEqualTo(options);
    }

    @Test
    void invalidOptionsAreRejected() {
        assertThatThrownBy(() -> NpenasOptions.parse(Map.of("population", "20")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown npenas options [population]")
                .hasMessageContaining("max_history");
        assertThatThrownBy(() -> NpenasOptions.parse(Map.of("max_history", "5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max_history must be from 10 to 5000, got 5");
        assertThatThrownBy(() -> NpenasOptions.parse(Map.of("predictor", "gcn"),
                List.of("gp", "random-forest")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("npenas option predictor")
                .hasMessageContaining("valid predictors are gp, random-forest");
    }

    @Test
    void createdByName() {
        assertThat(Strategies.names()).contains(Npenas.NAME);
        assertThat(Strategies.create("npenas", Map.of("candidates", "50")))
                .isInstanceOfSatisfying(Npenas.class, n -> assertThat(n.options().search()
                        .candidates()).isEqualTo(50));
    }

    @Test
    void poolHoldsChildrenOfBestParentFirst() {
        Npenas npenas = new Npenas(NpenasOptions.parse(Map.of("candidates", "30")));
        AskContext context = StrategyFixtures.context(NB201, StrategyFixtures.ACCURACY, 5,
                a -> false);

        List<Architecture> pool = npenas.candidates(context, List.of(ALL_THREE, ALL_TWO), 0);

        assertThat(pool).hasSize(30);
        assertThat(pool).allSatisfy(c -> assertThat(Math.min(distance(c, ALL_THREE),
                distance(c, ALL_TWO))).as("distance of %s to a parent", c).isEqualTo(1));
        int lastOfBest = -1;
        int firstOfSecond = pool.size();
        for (int i = 0; i < pool.size(); i++) {
            if (distance(pool.get(i), ALL_THREE) == 1) {
                lastOfBest = i;
            } else {
                firstOfSecond = Math.min(firstOfSecond, i);
            }
        }
        assertThat(lastOfBest).isLessThan(firstOfSecond);
    }

    @Test
    void poolLeavesOutEvaluatedAndRepeats() {
        Npenas npenas = new Npenas(NpenasOptions.parse(Map.of("candidates", "20")));
        List<Architecture> neighbours = NB201.neighbours(ALL_THREE);
        Set<String> evaluated = new HashSet<>();
        neighbours.subList(0, 12).forEach(n -> evaluated.add(n.isomorphismKey()));
        AskContext context = StrategyFixtures.context(NB201, StrategyFixtures.ACCURACY, 9,
                a -> evaluated.contains(a.isomorphismKey()));

        List<Architecture> pool = npenas.candidates(context, List.of(ALL_THREE), 0);

        Set<String> keys = new HashSet<>();
        assertThat(pool).isNotEmpty();
        for (Architecture candidate : pool) {
            assertThat(evaluated).doesNotContain(candidate.isomorphismKey());
            assertThat(keys.add(candidate.isomorphismKey())).as("repeat %s", candidate).isTrue();
        }
        assertThat(pool.size()).isLessThanOrEqualTo(neighbours.size() - 12);
    }

    @Test
    void explorationLevelWidensTheStep() {
        Npenas npenas = new Npenas(NpenasOptions.parse(Map.of("candidates", "60")));
        AskContext context = StrategyFixtures.context(NB201, StrategyFixtures.ACCURACY, 3,
                a -> a.isomorphismKey().equals(ALL_THREE.isomorphismKey()));

        List<Architecture> pool = npenas.candidates(context, List.of(ALL_THREE), 2);

        assertThat(pool).allSatisfy(c -> assertThat(distance(c, ALL_THREE)).isBetween(1, 3));
        assertThat(pool).anySatisfy(c -> assertThat(distance(c, ALL_THREE)).isEqualTo(3));
    }

    @Test
    void randomShareAddsRandomCandidates() {
        Npenas npenas = new Npenas(NpenasOptions.parse(Map.of("candidates", "40",
                "random_share", "0.5")));
        AskContext context = StrategyFixtures.context(NB201, StrategyFixtures.ACCURACY, 4,
                a -> false);

        List<Architecture> pool = npenas.candidates(context, List.of(ALL_THREE), 0);

        long children = pool.stream().filter(c -> distance(c, ALL_THREE) == 1).count();
        assertThat(children).isLessThanOrEqualTo(20);
        assertThat(pool.size() - children).isGreaterThan(10);
    }

    private static int distance(Architecture a, Architecture b) {
        int differences = 0;
        for (int i = 0; i < a.genes().size(); i++) {
            if (a.intGene(i) != b.intGene(i)) {
                differences++;
            }
        }
        return differences;
    }
}
