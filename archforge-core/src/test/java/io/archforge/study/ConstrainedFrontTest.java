package io.archforge.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConstrainedFrontTest {

    private static final List<Objective> ACCURACY_LATENCY = List.of(
            Objective.maximize("accuracy"), Objective.minimize("latency_ms"));

    private static FrozenTrial complete(int number, double accuracy, double latency) {
        Instant started = Instant.parse("2026-01-01T00:00:00Z");
        return new FrozenTrial(number, TrialState.COMPLETE, "arch-" + number, number,
                Map.of("accuracy", accuracy, "latency_ms", latency), List.of(), Map.of(),
                started, Optional.of(started), Optional.empty());
    }

    private static final List<FrozenTrial> TRIALS = List.of(
            complete(0, 70, 1),
            complete(1, 80, 3),
            complete(2, 90, 9),
            complete(3, 85, 4),
            complete(4, 60, 2));

    @Test
    void feasibleTrialsFormFront() {
        List<Constraint> budget = List.of(Constraint.atMost("latency_ms", 4));

        assertThat(Study.paretoFrontOf(TRIALS, ACCURACY_LATENCY, budget))
                .extracting(FrozenTrial::number).containsExactly(3, 1, 0);
        assertThat(Study.bestOf(TRIALS, ACCURACY_LATENCY, budget))
                .map(FrozenTrial::number).contains(3);
    }

    @Test
    void noFeasibleKeepsLeastViolating() {
        List<Constraint> impossible = List.of(Constraint.atMost("latency_ms", 0.5));

        List<FrozenTrial> front = Study.paretoFrontOf(TRIALS, ACCURACY_LATENCY, impossible);

        // Trial 0 at 1 ms violates least: (1 - 0.5) / 0.5 = 1.
        assertThat(front).extracting(FrozenTrial::number).containsExactly(0);
        assertThat(Study.bestOf(TRIALS, ACCURACY_LATENCY, impossible))
                .map(FrozenTrial::number).contains(0);
    }

    @Test
    void smallerViolationWins() {
        List<FrozenTrial> trials = List.of(complete(0, 70, 1), complete(1, 80, 3));
        List<Constraint> accuracy = List.of(Constraint.atLeast("accuracy", 100),
                Constraint.atLeast("latency_ms", 100));

        // Both violate; the totals differ, so the smaller wins.
        assertThat(Study.paretoFrontOf(trials, ACCURACY_LATENCY, accuracy))
                .extracting(FrozenTrial::number).containsExactly(1);
    }

    @Test
    void qualityReferenceBeyondWorst() {
        List<FrozenTrial> trials = List.of(complete(0, 70, 1), complete(1, 90, 5));

        FrontQuality quality = FrontQuality.of(trials, ACCURACY_LATENCY, List.of()).orElseThrow();

        // Ranges 20 points and 4 ms; reference at 70 - 2 = 68 and 5 + 0.4 = 5.4 ms.
        assertThat(quality.reference().get("accuracy")).isCloseTo(68.0, within(1e-9));
        assertThat(quality.reference().get("latency_ms")).isCloseTo(5.4, within(1e-9));
        // Minimised accuracy: points (-70, 1) and (-90, 5) against (-68, 5.4).
        double expected = (-68 - -70) * (5.4 - 1) + (-70 - -90) * (5.4 - 5);
        assertThat(quality.hypervolume()).isCloseTo(expected, within(1e-9));
        assertThat(FrontQuality.of(trials, ACCURACY_LATENCY.subList(0, 1), List.of())).isEmpty();
    }

    @Test
    void weightsPickFrontEnd() {
        List<FrozenTrial> front = Study.paretoFrontOf(TRIALS, ACCURACY_LATENCY);

        assertThat(FrontChoice.byWeights(front, ACCURACY_LATENCY, Map.of("accuracy", 1.0)))
                .map(FrozenTrial::number).contains(2);
        assertThat(FrontChoice.byWeights(front, ACCURACY_LATENCY, Map.of("latency_ms", 1.0)))
                .map(FrozenTrial::number).contains(0);
        // Equal weights: trial 3 (85%, 4 ms) is at most 0.375 from the ideal in scaled units.
        assertThat(FrontChoice.byWeights(front, ACCURACY_LATENCY,
                Map.of("accuracy", 1.0, "latency_ms", 1.0))).map(FrozenTrial::number).contains(3);
        assertThatThrownBy(() -> FrontChoice.byWeights(front, ACCURACY_LATENCY,
                Map.of("params", 1.0))).hasMessageContaining("[params]");
        assertThatThrownBy(() -> FrontChoice.byWeights(front, ACCURACY_LATENCY,
                Map.of("accuracy", 0.0))).hasMessageContaining("all weights are 0");
    }

    @Test
    void budgetPicksMostAccurate() {
        List<FrozenTrial> front = Study.paretoFrontOf(TRIALS, ACCURACY_LATENCY);

        assertThat(FrontChoice.byBudget(front, ACCURACY_LATENCY,
                List.of(Constraint.atMost("latency_ms", 3.5)))).map(FrozenTrial::number).contains(1);
        assertThat(FrontChoice.byBudget(front, ACCURACY_LATENCY,
                List.of(Constraint.atMost("latency_ms", 0.1)))).map(FrozenTrial::number).contains(0);
    }
}
