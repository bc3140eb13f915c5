package io.archforge.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {

    private static final List<Objective> ACCURACY_LATENCY = List.of(
            Objective.maximize("accuracy"), Objective.minimize("latency_ms"));

    private static FrozenTrial trial(int number, TrialState state, Map<String, Double> metrics) {
        Instant started = Instant.parse("2026-01-01T00:00:00Z");
        return new FrozenTrial(number, state, "arch-" + number, number, metrics, List.of(),
                Map.of(), started, Optional.of(started), Optional.empty());
    }

    private static FrozenTrial complete(int number, double accuracy, double latency) {
        Map<String, Double> metrics = Map.of("accuracy", accuracy, "latency_ms", latency);
        return trial(number, TrialState.COMPLETE, metrics);
    }

    @Test
    void frontKeepsNonDominatedTrialsBestFirst() {
        List<FrozenTrial> trials = List.of(
                complete(0, 70, 1),
                complete(1, 80, 3),
                complete(2, 75, 4),   // dominated by 1
                complete(3, 90, 9),
                complete(4, 90, 10),  // dominated by 3
                complete(5, 60, 1));  // dominated by 0

        List<FrozenTrial> front = Study.paretoFrontOf(trials, ACCURACY_LATENCY);

        assertThat(front).extracting(FrozenTrial::number).containsExactly(3, 1, 0);
    }

    @Test
    void frontSkipsIncompleteTrials() {
        List<FrozenTrial> trials = List.of(
                complete(0, 70, 5),
                trial(1, TrialState.FAILED, Map.of()),
                trial(2, TrialState.PRUNED, Map.of("accuracy", 99.0, "latency_ms", 1.0)),
                trial(3, TrialState.COMPLETE, Map.of("accuracy", 99.0)),
                trial(4, TrialState.STALE, Map.of()));

        assertThat(Study.paretoFrontOf(trials, ACCURACY_LATENCY))
                .extracting(FrozenTrial::number).containsExactly(0);
    }

    @Test
    void equalPointsShareTheFront() {
        List<FrozenTrial> trials =
                List.of(complete(0, 80, 2), complete(1, 80, 2), complete(2, 70, 3));

        assertThat(Study.paretoFrontOf(trials, ACCURACY_LATENCY))
                .extracting(FrozenTrial::number).containsExactly(0, 1);
    }

    @Test
    void bestFollowsTheFirstObjective() {
        List<FrozenTrial> trials = List.of(
                complete(0, 70, 1), complete(1, 90, 9), complete(2, 90, 2),
                trial(3, TrialState.PRUNED, Map.of("accuracy", 99.0)));

        assertThat(Study.bestOf(trials, ACCURACY_LATENCY)).map(FrozenTrial::number).contains(1);
        assertThat(Study.bestOf(trials, List.of(Objective.minimize("latency_ms"))))
                .map(FrozenTrial::number).contains(0);
        assertThat(Study.bestOf(List.of(trial(0, TrialState.FAILED, Map.of())), ACCURACY_LATENCY))
                .isEmpty();
    }
}
