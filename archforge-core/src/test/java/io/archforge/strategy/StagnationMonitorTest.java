package io.archforge.strategy;

import static io.archforge.strategy.StrategyFixtures.complete;
import static io.archforge.strategy.StrategyFixtures.trial;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.study.Objective;
import io.archforge.study.TrialState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StagnationMonitorTest {

    private static final Architecture CELL = CellSpace.nb201().sample(new java.util.Random(1));
    private static final Objective ACCURACY = Objective.maximize("accuracy");

    @Test
    void raisesAfterPatienceAndStopsAtTheMaximum() {
        StagnationMonitor monitor = new StagnationMonitor(3, 2);
        monitor.observe(complete(0, CELL, Map.of("accuracy", 50.0)), ACCURACY);

        int[] levels = new int[9];
        for (int n = 1; n <= 9; n++) {
            monitor.observe(complete(n, CELL, Map.of("accuracy", 40.0)), ACCURACY);
            levels[n - 1] = monitor.level();
        }

        assertThat(levels).containsExactly(0, 0, 1, 1, 1, 2, 2, 2, 2);
    }

    @Test
    void improvementLowersTheLevel() {
        StagnationMonitor monitor = new StagnationMonitor(1, 3);
        monitor.observe(complete(0, CELL, Map.of("accuracy", 50.0)), ACCURACY);
        monitor.observe(complete(1, CELL, Map.of("accuracy", 50.0)), ACCURACY);

        var change = monitor.observe(complete(2, CELL, Map.of("accuracy", 51.0)), ACCURACY);

        assertThat(change).hasValueSatisfying(c -> {
            assertThat(c.level()).isZero();
            assertThat(c.trial()).isEqualTo(2);
        });
        assertThat(monitor.level()).isZero();
    }

    @Test
    void minimisedObjectiveImprovesDownwards() {
        StagnationMonitor monitor = new StagnationMonitor(1, 3);
        Objective latency = Objective.minimize("latency_ms");
        monitor.observe(complete(0, CELL, Map.of("latency_ms", 5.0)), latency);

        monitor.observe(complete(1, CELL, Map.of("latency_ms", 4.0)), latency);
        assertThat(monitor.level()).isZero();
        monitor.observe(complete(2, CELL, Map.of("latency_ms", 6.0)), latency);
        assertThat(monitor.level()).isEqualTo(1);
    }

    @Test
    void failedTrialsDoNotCount() {
        StagnationMonitor monitor = new StagnationMonitor(1, 3);
        monitor.observe(complete(0, CELL, Map.of("accuracy", 50.0)), ACCURACY);

        assertThat(monitor.observe(trial(1, CELL, TrialState.FAILED, Map.of()), ACCURACY))
                .isEmpty();
        assertThat(monitor.level()).isZero();
    }

    @Test
    void rejectsBadThresholds() {
        assertThatThrownBy(() -> new StagnationMonitor(0, 1))
                .hasMessageContaining("patience must be at least 1, got 0");
        assertThatThrownBy(() -> new StagnationMonitor(5, -1))
                .hasMessageContaining("max level must be at least 0, got -1");
    }
}
