package io.archforge.strategy;

import io.archforge.space.Architecture;
import io.archforge.space.Choice;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.SearchSpace;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/** Small spaces, contexts and trials shared by the strategy tests. */
final class StrategyFixtures {

    /** 16 architectures: two integer choices from 0 to 3. */
    static final ChoiceSpace GRID = new ChoiceSpace("grid", List.of(
            new Choice.IntRange("x", 0, 3, 1), new Choice.IntRange("y", 0, 3, 1)));

    static final List<Objective> ACCURACY = List.of(Objective.maximize("accuracy"));

    private StrategyFixtures() {
    }

    static AskContext context(SearchSpace space, List<Objective> objectives, long seed,
            Predicate<Architecture> evaluated) {
        return new AskContext(space, objectives, new SplittableRandom(seed), 0, evaluated::test);
    }

    static FrozenTrial complete(int number, Architecture architecture,
            Map<String, Double> metrics) {
        return trial(number, architecture, TrialState.COMPLETE, metrics);
    }

    static FrozenTrial trial(int number, Architecture architecture, TrialState state,
            Map<String, Double> metrics) {
        Instant started = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(number);
        Optional<String> error =
                state == TrialState.FAILED ? Optional.of("boom") : Optional.empty();
        return new FrozenTrial(number, state, architecture.text(), number, metrics, List.of(),
                Map.of(), started, Optional.of(started.plusSeconds(1)), error);
    }
}
