package io.archforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.TrialState;
import io.archforge.web.analysis.DecisionShare;
import io.archforge.web.analysis.ParameterImportance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParameterImportanceTest {

    private static final CellSpace SPACE = CellSpace.nb201();
    private static final Objective ACCURACY = Objective.maximize("test_accuracy");

    /** Trials whose accuracy is 10 times the operation index on edge 2->3, plus small noise. */
    private static List<FrozenTrial> trials(int count) {
        SplittableRandom random = new SplittableRandom(42);
        List<FrozenTrial> trials = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Architecture architecture = SPACE.sample(random);
            double value = 10 * architecture.intGene(5) + random.nextDouble();
            trials.add(new FrozenTrial(i, TrialState.COMPLETE, architecture.text(), i,
                    Map.of("test_accuracy", value), List.of(), Map.of(), Instant.EPOCH,
                    Optional.of(Instant.EPOCH.plusSeconds(1)), Optional.empty()));
        }
        return trials;
    }

    @Test
    void decisiveEdgeExplainsMost() {
        ParameterImportance importance = ParameterImportance.compute(SPACE, trials(60), ACCURACY)
                .orElseThrow();

        assertThat(importance.trials()).isEqualTo(60);
        assertThat(importance.decisions()).hasSize(6);
        DecisionShare top = importance.decisions().get(0);
        assertThat(top.decision()).isEqualTo("2->3");
        assertThat(top.share()).isGreaterThan(0.95);
        assertThat(importance.decisions().get(1).share()).isLessThan(0.1);
    }

    @Test
    void sharesLieInUnitInterval() {
        ParameterImportance importance = ParameterImportance.compute(SPACE, trials(30), ACCURACY)
                .orElseThrow();

        assertThat(importance.decisions()).allMatch(d -> d.share() >= 0 && d.share() <= 1);
        assertThat(importance.decisions()).isSortedAccordingTo(
                (a, b) -> Double.compare(b.share(), a.share()));
    }

    @Test
    void fewerThanTenTrialsGiveNone() {
        assertThat(ParameterImportance.compute(SPACE, trials(9), ACCURACY)).isEmpty();
        assertThat(ParameterImportance.compute(SPACE, trials(10), ACCURACY)).isPresent();
    }

    @Test
    void constantObjectiveExplainsNothing() {
        List<FrozenTrial> constant = trials(20).stream()
                .map(t -> new FrozenTrial(t.number(), t.state(), t.architecture(), t.seed(),
                        Map.of("test_accuracy", 50.0), List.of(), Map.of(), t.started(),
                        t.finished(), t.error()))
                .toList();

        ParameterImportance importance = ParameterImportance.compute(SPACE, constant, ACCURACY)
                .orElseThrow();

        assertThat(importance.decisions()).allMatch(d -> d.share() == 0);
    }
}
