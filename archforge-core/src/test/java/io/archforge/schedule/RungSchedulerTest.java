package io.archforge.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RungSchedulerTest {

    private static final SuccessiveHalving SH = new SuccessiveHalving(3, OptionalDouble.empty(), 0);
    private static final Hyperband HYPERBAND = new Hyperband(3, OptionalDouble.empty());
    private static final Asha ASHA = new Asha(3, OptionalDouble.empty());

    /** Adds a finished bracket 0: 9 trials at rung 0, the best 3 at rung 1, the best at rung 2. */
    private static void completeFirstBracket(Curves curves) {
        List<FrozenTrial> first = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            first.add(curves.result(0, 0, 50 + i));
        }
        FrozenTrial best = curves.promotion(first.get(8), 0, 1, 70);
        curves.promotion(first.get(7), 0, 1, 60);
        curves.promotion(first.get(6), 0, 1, 65);
        curves.promotion(best, 0, 2, 80);
    }

    @Test
    void successiveHalvingFillsTheFirstRungBeforePromoting() {
        Curves curves = new Curves();
        for (int i = 0; i < 8; i++) {
            curves.result(0, 0, 50 + i);
        }
        assertThat(SH.next(curves.state())).isEqualTo(new Job.Start(0, 0));
    }

    @Test
    void successiveHalvingPromotesTheBestThirdInOrder() {
        Curves curves = new Curves();
        List<FrozenTrial> first = new ArrayList<>();
        double[] accuracies = {61, 75, 52, 90, 47, 83, 70, 66, 58};
        for (double accuracy : accuracies) {
            first.add(curves.result(0, 0, accuracy));
        }
        Job job = SH.next(curves.state());
        assertThat(job).isInstanceOf(Job.Promote.class);
        assertThat(((Job.Promote) job).source()).isEqualTo(first.get(3));
        assertThat(job.rung()).isEqualTo(1);

        curves.promotion(first.get(3), 0, 1, 92);
        assertThat(((Job.Promote) SH.next(curves.state())).source()).isEqualTo(first.get(5));
        curves.promotion(first.get(5), 0, 1, 95);
        assertThat(((Job.Promote) SH.next(curves.state())).source()).isEqualTo(first.get(1));
        FrozenTrial third = curves.promotion(first.get(1), 0, 1, 80);

        // Rung 1 is full: its best (95, from trial 5) goes to the top rung.
        Job top = SH.next(curves.state());
        assertThat(top.rung()).isEqualTo(2);
        assertThat(((Job.Promote) top).source().metrics().get("accuracy")).isEqualTo(95.0);
        assertThat(third.number()).isNotEqualTo(((Job.Promote) top).source().number());
    }

    @Test
    void aBracketWithARunningTrialWaitsWhileANewOneOpens() {
        Curves curves = new Curves();
        for (int i = 0; i < 8; i++) {
            curves.result(0, 0, 50 + i);
        }
        curves.running(0, 0);
        assertThat(SH.next(curves.state())).isEqualTo(new Job.Start(1, 0));
    }

    @Test
    void aFinishedBracketIsFollowedByANewOne() {
        Curves curves = new Curves();
        completeFirstBracket(curves);
        assertThat(SH.next(curves.state())).isEqualTo(new Job.Start(1, 0));
    }

    @Test
    void hyperbandBracketsStartHigherWithFewerTrials() {
        Curves curves = new Curves();
        assertThat(HYPERBAND.next(curves.state())).isEqualTo(new Job.Start(0, 0));
        completeFirstBracket(curves);
        assertThat(HYPERBAND.next(curves.state())).isEqualTo(new Job.Start(1, 1));
        // Bracket 1 starts ceil(3 / 2 * 3) = 5 trials at rung 1.
        for (int i = 0; i < 4; i++) {
            curves.result(1, 1, 60 + i);
            assertThat(HYPERBAND.next(curves.state()).rung()).isEqualTo(1);
        }
        FrozenTrial fifth = curves.result(1, 1, 99);
        Job job = HYPERBAND.next(curves.state());
        assertThat(job).isEqualTo(new Job.Promote(fifth, 1, 2));
        curves.promotion(fifth, 1, 2, 99.5);
        // Bracket 2 evaluates 3 trials at full fidelity.
        assertThat(HYPERBAND.next(curves.state())).isEqualTo(new Job.Start(2, 2));
    }

    @Test
    void ashaPromotesAsSoonAsATrialIsInTheTopThirdOfItsRung() {
        Curves curves = new Curves();
        curves.result(0, 0, 70);
        curves.result(0, 0, 80);
        assertThat(ASHA.next(curves.state())).isEqualTo(new Job.Start(0, 0));
        curves.running(0, 0);
        assertThat(ASHA.next(curves.state())).isEqualTo(new Job.Start(0, 0));
        FrozenTrial third = curves.result(0, 0, 90);
        assertThat(ASHA.next(curves.state())).isEqualTo(new Job.Promote(third, 0, 1));
        curves.promotion(third, 0, 1, 91);
        // One promotion per three finished trials; the next must wait.
        assertThat(ASHA.next(curves.state())).isEqualTo(new Job.Start(0, 0));
    }

    @Test
    void ashaLooksAtHigherRungsFirst() {
        Curves curves = new Curves();
        List<FrozenTrial> bottom = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            bottom.add(curves.result(0, 0, 50 + i));
        }
        FrozenTrial high = curves.promotion(bottom.get(8), 0, 1, 88);
        curves.promotion(bottom.get(7), 0, 1, 70);
        curves.promotion(bottom.get(6), 0, 1, 75);
        assertThat(ASHA.next(curves.state())).isEqualTo(new Job.Promote(high, 0, 2));
    }

    @Test
    void failedTrialsAreNeverPromoted() {
        Curves curves = new Curves();
        curves.result(0, 0, Map.of());
        curves.result(0, 0, Map.of());
        FrozenTrial scored = curves.result(0, 0, 40);
        assertThat(ASHA.next(curves.state())).isEqualTo(new Job.Promote(scored, 0, 1));
    }

    @Test
    void multiObjectiveRungsPromoteNonDominatedTrialsFirst() {
        List<Objective> objectives = List.of(Objective.maximize("accuracy"),
                Objective.minimize("latency_ms"));
        Curves curves = new Curves();
        // The most accurate trial is dominated by none; the second is dominated by the third.
        curves.result(0, 0, Map.of("accuracy", 90.0, "latency_ms", 9.0));
        curves.result(0, 0, Map.of("accuracy", 70.0, "latency_ms", 5.0));
        FrozenTrial fast = curves.result(0, 0, Map.of("accuracy", 80.0, "latency_ms", 1.0));
        List<FrozenTrial> ranked = RungRanking.bestFirst(curves.state(objectives).atRung(0), objectives);
        assertThat(ranked.subList(0, 2)).extracting(t -> t.metrics().get("accuracy"))
                .containsExactlyInAnyOrder(90.0, 80.0);
        assertThat(ranked.get(2).metrics().get("accuracy")).isEqualTo(70.0);
        assertThat(ranked).contains(fast);
    }

    @Test
    void staleTrialsAreScheduledAgain() {
        Curves curves = new Curves();
        for (int i = 0; i < 8; i++) {
            curves.result(0, 0, 50 + i);
        }
        curves.stale(0, 0);
        RungState state = curves.state();
        assertThat(state.at(0, 0)).hasSize(8);
        // The abandoned ninth trial is started again instead of blocking the bracket.
        assertThat(SH.next(state)).isEqualTo(new Job.Start(0, 0));
    }
}
