package io.archforge.strategy;

import static io.archforge.strategy.StrategyFixtures.ACCURACY;
import static io.archforge.strategy.StrategyFixtures.GRID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.Architecture;
import io.archforge.study.FrozenTrial;
import io.archforge.study.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class LocalSearchTest {

    /** Best improvement, no initial samples, no perturbation, no early restarts. */
    private static final LocalSearchOptions PLAIN =
            new LocalSearchOptions(false, 0, 0, 1000, 0);

    /** Accuracy peaks at x=3,y=3; single peak, so local search climbs to it. */
    private static double peak(Architecture a) {
        return 10 * a.intGene(0) + a.intGene(1);
    }

    /** Runs {@code trials} ask-tell steps on GRID and returns the proposals in order. */
    private static List<FrozenTrial> drive(LocalSearch search, int trials,
            ToDoubleFunction<Architecture> score) {
        Set<Architecture> seen = new HashSet<>();
        List<FrozenTrial> told = new ArrayList<>();
        for (int number = 0; number < trials; number++) {
            AskContext context = new AskContext(GRID, ACCURACY, new SplittableRandom(number),
                    number, seen::contains);
            Proposal proposal = search.propose(context);
            seen.add(proposal.architecture());
            FrozenTrial trial = finished(number, proposal, score);
            search.tell(trial);
            told.add(trial);
        }
        return told;
    }

    private static FrozenTrial finished(int number, Proposal proposal,
            ToDoubleFunction<Architecture> score) {
        Instant started = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(number);
        return new FrozenTrial(number, TrialState.COMPLETE, proposal.architecture().text(),
                number, Map.of("accuracy", score.applyAsDouble(proposal.architecture())),
                List.of(), proposal.attributes(), started, Optional.of(started),
                Optional.empty());
    }

    @Test
    void coversNeighbourhoodThenMoves() {
        List<FrozenTrial> trials = drive(new LocalSearch(PLAIN), 7, LocalSearchTest::peak);

        Architecture start = GRID.parse(trials.get(0).architecture());
        assertThat(trials.get(0).attributes()).containsEntry("local_search_role", "start");
        List<Architecture> neighbours = trials.subList(1, 7).stream()
                .map(t -> GRID.parse(t.architecture())).toList();
        assertThat(neighbours).containsExactlyInAnyOrderElementsOf(GRID.neighbours(start));
        assertThat(trials.subList(1, 7)).allSatisfy(t -> assertThat(t.attributes())
                .containsEntry("local_search_center", start.text()));
    }

    @Test
    void climbsToThePeakOfASinglePeakLandscape() {
        LocalSearch search = new LocalSearch(PLAIN);

        List<FrozenTrial> trials = drive(search, 16, LocalSearchTest::peak);

        assertThat(trials).extracting(FrozenTrial::architecture).contains("x=3,y=3");
        assertThat(search.center()).isPresent();
    }

    @Test
    void restartsAtALocalOptimum() {
        // Every architecture scores alike: the first centre is a local optimum at once.
        List<FrozenTrial> trials = drive(new LocalSearch(PLAIN), 8, a -> 1.0);

        assertThat(trials.get(7).attributes()).containsEntry("local_search_role", "start");
        assertThat(trials.subList(1, 7)).allSatisfy(t -> assertThat(t.attributes())
                .containsEntry("local_search_role", "neighbour"));
    }

    @Test
    void stagnationRestartsEarlyAndIsNoted() {
        LocalSearchOptions eager = new LocalSearchOptions(false, 0, 0, 2, 1);

        List<FrozenTrial> trials = drive(new LocalSearch(eager), 5, a -> 1.0);

        // Trials 1 and 2 bring no improvement: trial 3 restarts with level 1.
        assertThat(trials.get(3).attributes())
                .containsEntry("local_search_role", "start")
                .containsEntry("exploration_level", "1")
                .containsKey("exploration_event");
    }

    @Test
    void tellReplayRebuildsTheState() {
        LocalSearch original = new LocalSearch(PLAIN);
        List<FrozenTrial> history = drive(original, 9, LocalSearchTest::peak);
        LocalSearch replayed = new LocalSearch(PLAIN);
        history.forEach(replayed::tell);
        Set<Architecture> seen = new HashSet<>();
        history.forEach(t -> seen.add(GRID.parse(t.architecture())));

        for (long seed = 0; seed < 10; seed++) {
            Proposal expected = original.propose(new AskContext(GRID, ACCURACY,
                    new SplittableRandom(seed), 9, seen::contains));
            Proposal actual = replayed.propose(new AskContext(GRID, ACCURACY,
                    new SplittableRandom(seed), 9, seen::contains));
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void optionsRoundTripAndRanges() {
        LocalSearchOptions custom = new LocalSearchOptions(false, 10, 2, 30, 1);

        assertThat(LocalSearchOptions.parse(custom.toMap())).isEqualTo(custom);
        assertThatThrownBy(() -> LocalSearchOptions.parse(Map.of("perturbation", "11")))
                .hasMessageContaining("perturbation must be from 0 to 10, got 11");
        assertThatThrownBy(() -> LocalSearchOptions.parse(Map.of("first_improvement", "y")))
                .hasMessageContaining("must be true or false, got 'y'");
        assertThatThrownBy(() -> LocalSearchOptions.parse(Map.of("restarts", "2")))
                .hasMessageContaining("unknown local-search options [restarts]");
    }
}
