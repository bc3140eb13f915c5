package io.archforge.strategy;

import static io.archforge.strategy.StrategyFixtures.ACCURACY;
import static io.archforge.strategy.StrategyFixtures.GRID;
import static io.archforge.strategy.StrategyFixtures.complete;
import static io.archforge.strategy.StrategyFixtures.context;
import static io.archforge.strategy.StrategyFixtures.trial;
import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegularizedEvolutionTest {

    private static final CellSpace NB201 = CellSpace.nb201();

    @Test
    void proposesRandomlyUntilPopulationIsFull() {
        RegularizedEvolution evolution = new RegularizedEvolution(new EvolutionOptions(3, 2));
        evolution.tell(complete(0, NB201.parse(allOps(2)), Map.of("accuracy", 50.0)));
        evolution.tell(complete(1, NB201.parse(allOps(3)), Map.of("accuracy", 60.0)));

        Architecture proposal = evolution.ask(context(NB201, ACCURACY, 9, a -> false));

        Architecture random = new RandomSearch().ask(context(NB201, ACCURACY, 9, a -> false));
        assertThat(proposal).isEqualTo(random);
    }

    @Test
    void populationAgesOldestOut() {
        RegularizedEvolution evolution = new RegularizedEvolution(new EvolutionOptions(3, 2));
        SplittableRandom random = new SplittableRandom(1);

        for (int number = 0; number < 5; number++) {
            evolution.tell(complete(number, NB201.sample(random), Map.of("accuracy", 1.0)));
        }

        assertThat(evolution.population()).extracting(FrozenTrial::number)
                .containsExactly(2, 3, 4);
    }

    @Test
    void failedAndPrunedTrialsStayOut() {
        RegularizedEvolution evolution = new RegularizedEvolution(new EvolutionOptions(3, 2));
        Architecture cell = NB201.parse(allOps(2));

        evolution.tell(trial(0, cell, TrialState.FAILED, Map.of()));
        evolution.tell(trial(1, cell, TrialState.PRUNED, Map.of("accuracy", 10.0)));
        evolution.tell(complete(2, cell, Map.of("accuracy", 10.0)));

        assertThat(evolution.population()).extracting(FrozenTrial::number).containsExactly(2);
    }

    @Test
    void childIsOneMutationOfAMember() {
        RegularizedEvolution evolution = filledPopulation(new EvolutionOptions(5, 2));
        List<Architecture> members = evolution.population().stream()
                .map(t -> NB201.parse(t.architecture())).toList();

        for (long seed = 0; seed < 50; seed++) {
            Architecture child = evolution.ask(context(NB201, ACCURACY, seed, a -> false));
            assertThat(members).anySatisfy(m -> assertThat(distance(m, child)).isEqualTo(1));
        }
    }

    @Test
    void tournamentFavoursTheBetterMember() {
        // Two members six edges apart, so each child reveals its parent. The better one
        // wins unless both draws pick the worse one: probability 3/4.
        RegularizedEvolution evolution = new RegularizedEvolution(new EvolutionOptions(2, 2));
        Architecture better = NB201.parse(allOps(3));
        Architecture worse = NB201.parse(allOps(2));
        evolution.tell(complete(0, worse, Map.of("accuracy", 40.0)));
        evolution.tell(complete(1, better, Map.of("accuracy", 90.0)));

        int fromBetter = 0;
        for (long seed = 0; seed < 800; seed++) {
            Architecture child = evolution.ask(context(NB201, ACCURACY, seed, a -> false));
            if (distance(child, better) == 1) {
                fromBetter++;
            }
        }

        // 600 expected, standard deviation 12.2.
        assertThat(fromBetter).isBetween(550, 650);
    }

    @Test
    void minimisedObjectiveFavoursLowValues() {
        RegularizedEvolution evolution = new RegularizedEvolution(new EvolutionOptions(2, 2));
        Architecture fast = NB201.parse(allOps(1));
        Architecture slow = NB201.parse(allOps(3));
        evolution.tell(complete(0, slow, Map.of("latency_ms", 9.0)));
        evolution.tell(complete(1, fast, Map.of("latency_ms", 2.0)));
        List<Objective> latency = List.of(Objective.minimize("latency_ms"));

        int fromFast = 0;
        for (long seed = 0; seed < 800; seed++) {
            if (distance(evolution.ask(context(NB201, latency, seed, a -> false)), fast) == 1) {
                fromFast++;
            }
        }

        assertThat(fromFast).isBetween(550, 650);
    }

    @Test
    void paretoRankDecidesWithTwoObjectives() {
        // a and b are both non-dominated; c is dominated by both. a and b are front
        // extremes with infinite crowding distance, so the lower number, a, wins a tie.
        // Three draws with replacement: a wins 19/27, b 7/27, c only when drawn alone, 1/27.
        RegularizedEvolution evolution = new RegularizedEvolution(new EvolutionOptions(3, 3));
        Architecture a = NB201.parse(allOps(1));
        Architecture b = NB201.parse(allOps(2));
        Architecture c = NB201.parse(allOps(3));
        evolution.tell(complete(0, a, Map.of("accuracy", 90.0, "latency_ms", 5.0)));
        evolution.tell(complete(1, b, Map.of("accuracy", 80.0, "latency_ms", 1.0)));
        evolution.tell(complete(2, c, Map.of("accuracy", 70.0, "latency_ms", 9.0)));
        List<Objective> objectives = List.of(
                Objective.maximize("accuracy"), Objective.minimize("latency_ms"));

        int[] parents = new int[3];
        int asks = 2700;
        for (long seed = 0; seed < asks; seed++) {
            Architecture child = evolution.ask(context(NB201, objectives, seed, x -> false));
            parents[distance(child, a) == 1 ? 0 : distance(child, b) == 1 ? 1 : 2]++;
        }

        // Expected 1900, 700 and 100; standard deviations 24, 23 and 10.
        assertThat(parents[0]).isBetween(1800, 2000);
        assertThat(parents[1]).isBetween(610, 790);
        assertThat(parents[2]).isBetween(60, 140);
    }

    @Test
    void crowdingDecidesWithinAFront() {
        // All three are non-dominated. a and c are the front's extremes with infinite
        // crowding distance, b lies between them, so b wins only when drawn alone, 1/27.
        RegularizedEvolution evolution = new RegularizedEvolution(new EvolutionOptions(3, 3));
        Architecture a = NB201.parse(allOps(1));
        Architecture b = NB201.parse(allOps(2));
        Architecture c = NB201.parse(allOps(3));
        evolution.tell(complete(0, a, Map.of("accuracy", 90.0, "latency_ms", 9.0)));
        evolution.tell(complete(1, b, Map.of("accuracy", 80.0, "latency_ms", 5.0)));
        evolution.tell(complete(2, c, Map.of("accuracy", 70.0, "latency_ms", 1.0)));
        List<Objective> objectives = List.of(
                Objective.maximize("accuracy"), Objective.minimize("latency_ms"));

        int fromMiddle = 0;
        for (long seed = 0; seed < 2700; seed++) {
            Architecture child = evolution.ask(context(NB201, objectives, seed, x -> false));
            if (distance(child, b) == 1) {
                fromMiddle++;
            }
        }

        // 100 expected, standard deviation 10.
        assertThat(fromMiddle).isBetween(60, 140);
    }

    @Test
    void mutatesAgainUntilUnseen() {
        RegularizedEvolution evolution = new RegularizedEvolution(new EvolutionOptions(2, 2));
        evolution.tell(complete(0, GRID.parse("x=0,y=0"), Map.of("accuracy", 1.0)));
        evolution.tell(complete(1, GRID.parse("x=0,y=1"), Map.of("accuracy", 2.0)));
        Architecture unseen = GRID.parse("x=0,y=3");

        for (long seed = 0; seed < 20; seed++) {
            AskContext context = context(GRID, ACCURACY, seed, x -> !x.equals(unseen));

            Architecture child = evolution.ask(context);

            assertThat(child).isEqualTo(unseen);
        }
    }

    @Test
    void fallsBackToRandomWhenNeighboursAreSeen() {
        RegularizedEvolution evolution = new RegularizedEvolution(new EvolutionOptions(2, 2));
        evolution.tell(complete(0, GRID.parse("x=0,y=0"), Map.of("accuracy", 1.0)));
        evolution.tell(complete(1, GRID.parse("x=0,y=1"), Map.of("accuracy", 2.0)));
        // Not a neighbour of either member.
        Architecture unseen = GRID.parse("x=3,y=3");

        Architecture child = evolution.ask(context(GRID, ACCURACY, 4, x -> !x.equals(unseen)));

        assertThat(child).isEqualTo(unseen);
    }

    @Test
    void replayRebuildsTheSameState() {
        List<FrozenTrial> history = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(8);
        for (int number = 0; number < 30; number++) {
            TrialState state = number % 7 == 3 ? TrialState.FAILED : TrialState.COMPLETE;
            Map<String, Double> metrics = state == TrialState.FAILED
                    ? Map.of() : Map.of("accuracy", random.nextDouble(100));
            history.add(trial(number, NB201.sample(random), state, metrics));
        }
        RegularizedEvolution first = new RegularizedEvolution(EvolutionOptions.defaults());
        RegularizedEvolution second = new RegularizedEvolution(EvolutionOptions.defaults());

        history.forEach(first::tell);
        history.forEach(second::tell);

        assertThat(second.population()).isEqualTo(first.population());
        assertThat(second.ask(context(NB201, ACCURACY, 77, a -> false)))
                .isEqualTo(first.ask(context(NB201, ACCURACY, 77, a -> false)));
    }

    private static RegularizedEvolution filledPopulation(EvolutionOptions options) {
        RegularizedEvolution evolution = new RegularizedEvolution(options);
        SplittableRandom random = new SplittableRandom(3);
        for (int number = 0; number < options.population(); number++) {
            Map<String, Double> metrics = Map.of("accuracy", (double) number);
            evolution.tell(complete(number, NB201.sample(random), metrics));
        }
        return evolution;
    }

    /** Writes the cell with operation {@code op} on all six edges. */
    private static String allOps(int op) {
        String name = NB201.operations().get(op);
        return "|" + name + "~0|+|" + name + "~0|" + name + "~1|+|"
                + name + "~0|" + name + "~1|" + name + "~2|";
    }

    private static int distance(Architecture a, Architecture b) {
        int differing = 0;
        for (int i = 0; i < a.genes().size(); i++) {
            if (!a.genes().get(i).equals(b.genes().get(i))) {
                differing++;
            }
        }
        return differing;
    }
}
