package io.archforge.pareto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoRankingTest {

    private static final List<double[]> POINTS = List.of(
            new double[] {1, 5}, new double[] {2, 3}, new double[] {4, 1},
            new double[] {3, 4}, new double[] {5, 5});

    @Test
    void sortsHandMadePointsIntoFronts() {
        // (3,4) is dominated by (2,3); (5,5) by (3,4) and everything else.
        assertThat(ParetoRanking.ranks(POINTS)).containsExactly(0, 0, 0, 1, 2);
    }

    @Test
    void crowdingDistanceOfAHandMadeFront() {
        int[] ranks = ParetoRanking.ranks(POINTS);
        double[] crowding = ParetoRanking.crowdingDistances(POINTS, ranks);

        // Front 0 sorted by x: (1,5), (2,3), (4,1). The middle point's neighbours span
        // the whole range in both objectives: 3/3 + 4/4.
        assertThat(crowding[0]).isInfinite();
        assertThat(crowding[2]).isInfinite();
        assertThat(crowding[1]).isEqualTo(2.0);
        // A front of one point is its own boundary.
        assertThat(crowding[3]).isInfinite();
    }

    @Test
    void feasiblePointsRankBeforeEveryInfeasibleOne() {
        double[] violations = {0, 0.5, 0, 0, 0.1};

        int[] ranks = ParetoRanking.constrainedRanks(POINTS, violations);

        // Feasible: (1,5), (4,1) form front 0, (3,4) is not dominated by them either.
        assertThat(ranks[0]).isZero();
        assertThat(ranks[2]).isZero();
        assertThat(ranks[3]).isZero();
        // Infeasible, ordered by violation: (5,5) with 0.1, then (2,3) with 0.5.
        assertThat(ranks[4]).isEqualTo(1);
        assertThat(ranks[1]).isEqualTo(2);
    }

    @Test
    void withNothingFeasibleTheLeastViolatingPointsLead() {
        double[] violations = {3, 1, 2, 1, 5};

        int[] ranks = ParetoRanking.constrainedRanks(POINTS, violations);

        assertThat(ranks).containsExactly(2, 0, 1, 0, 3);
    }
}
