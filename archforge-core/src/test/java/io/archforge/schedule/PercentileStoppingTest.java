package io.archforge.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PercentileStoppingTest {

    private static final Objective ACCURACY = Objective.maximize("accuracy");
    private static final Objective LOSS = Objective.minimize("accuracy");

    // Running averages at step 1: 50, 40, 60 (median 50); at step 2: 55, 45, 65 (median 55).
    private static final List<FrozenTrial> PEERS = List.of(
            Curves.curve(0, 50, 60, 70),
            Curves.curve(1, 40, 50, 60),
            Curves.curve(2, 60, 70, 80));

    @Test
    void stopsATrialBelowTheMedianOfItsPeers() {
        PercentileStopping median = new PercentileStopping(50, 3, 0);
        assertThat(median.shouldStop(Curves.reported(45), 1, PEERS, ACCURACY)).isTrue();
        assertThat(median.shouldStop(Curves.reported(55), 1, PEERS, ACCURACY)).isFalse();
        // Best so far counts: 52 at step 1 is above the step-2 median 55? No, but 58 is.
        assertThat(median.shouldStop(Curves.reported(52, 54), 2, PEERS, ACCURACY)).isTrue();
        assertThat(median.shouldStop(Curves.reported(58, 40), 2, PEERS, ACCURACY)).isFalse();
    }

    @Test
    void peersWithShorterCurvesDoNotCountAtLaterSteps() {
        List<FrozenTrial> peers = List.of(
                Curves.curve(0, 50, 60, 70),
                Curves.curve(1, 90),
                Curves.curve(2, 95),
                Curves.curve(3, 40, 50));
        PercentileStopping median = new PercentileStopping(50, 2, 0);
        // At step 3 only trial 0 reported: too few peers.
        assertThat(median.shouldStop(Curves.reported(1, 1, 1), 3, peers, ACCURACY)).isFalse();
        // At step 2 trials 0 and 3 reported, averages 55 and 45, median 50.
        assertThat(median.shouldStop(Curves.reported(48, 49), 2, peers, ACCURACY)).isTrue();
        assertThat(median.shouldStop(Curves.reported(48, 51), 2, peers, ACCURACY)).isFalse();
    }

    @Test
    void needsTheMinimumNumberOfPeersAndRespectsWarmUp() {
        assertThat(new PercentileStopping(50, 4, 0)
                .shouldStop(Curves.reported(1), 1, PEERS, ACCURACY)).isFalse();
        assertThat(new PercentileStopping(50, 3, 2)
                .shouldStop(Curves.reported(1), 1, PEERS, ACCURACY)).isFalse();
    }

    @Test
    void aLowerPercentileStopsMore() {
        // Step 1 averages 40, 50, 60: the 25th percentile of minimised values is -55.
        assertThat(new PercentileStopping(25, 3, 0)
                .shouldStop(Curves.reported(54), 1, PEERS, ACCURACY)).isTrue();
        assertThat(new PercentileStopping(75, 3, 0)
                .shouldStop(Curves.reported(46), 1, PEERS, ACCURACY)).isFalse();
    }

    @Test
    void minimisedObjectivesStopHighValues() {
        PercentileStopping median = new PercentileStopping(50, 3, 0);
        assertThat(median.shouldStop(Curves.reported(55), 1, PEERS, LOSS)).isTrue();
        assertThat(median.shouldStop(Curves.reported(45), 1, PEERS, LOSS)).isFalse();
    }

    @Test
    void rejectsSettingsOutOfRange() {
        assertThatThrownBy(() -> new PercentileStopping(120, 3, 0))
                .hasMessageContaining("percentile").hasMessageContaining("120");
        assertThatThrownBy(() -> Schedulers.create("median", Map.of("min_peers", "0")))
                .hasMessageContaining("min_peers");
        assertThatThrownBy(() -> Schedulers.create("median", Map.of("patience", "3")))
                .hasMessageContaining("patience").hasMessageContaining("percentile");
    }
}
