package io.archforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.TrialState;
import io.archforge.web.analysis.HistoryPoint;
import io.archforge.web.analysis.OptimizationHistory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OptimizationHistoryTest {

    private static FrozenTrial trial(int number, double params) {
        return new FrozenTrial(number, TrialState.COMPLETE, "a" + number, number,
                Map.of("params", params), List.of(), Map.of(), Instant.EPOCH, Optional.empty(),
                Optional.empty());
    }

    @Test
    void bestSoFarFollowsMinimisation() {
        List<HistoryPoint> points = OptimizationHistory.of(
                List.of(trial(2, 3.0), trial(0, 5.0), trial(1, 4.0), trial(3, 6.0)),
                Objective.minimize("params"));

        assertThat(points).extracting(HistoryPoint::trial).containsExactly(0, 1, 2, 3);
        assertThat(points).extracting(HistoryPoint::best).containsExactly(5.0, 4.0, 3.0, 3.0);
    }

    @Test
    void bestSoFarFollowsMaximisation() {
        List<HistoryPoint> points = OptimizationHistory.of(
                List.of(trial(0, 1.0), trial(1, 4.0), trial(2, 2.0)),
                Objective.maximize("params"));

        assertThat(points).extracting(HistoryPoint::best).containsExactly(1.0, 4.0, 4.0);
    }

    @Test
    void trialWithoutMetricIsLeftOut() {
        FrozenTrial other = new FrozenTrial(1, TrialState.COMPLETE, "b", 1, Map.of("x", 1.0),
                List.of(), Map.of(), Instant.EPOCH, Optional.empty(), Optional.empty());

        List<HistoryPoint> points = OptimizationHistory.of(List.of(trial(0, 2.0), other,
                trial(2, Double.NaN)), Objective.minimize("params"));

        assertThat(points).extracting(HistoryPoint::trial).containsExactly(0);
    }
}
