package io.archforge.pareto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ParetoRankingProperties {

    @Property
    void noPointDominatesAnotherOfItsFront(@ForAll("points") List<double[]> points) {
        int[] ranks = ParetoRanking.ranks(points);

        for (int i = 0; i < points.size(); i++) {
            for (int j = 0; j < points.size(); j++) {
                if (ranks[i] == ranks[j]) {
                    assertThat(ParetoRanking.dominates(points.get(i), points.get(j))).isFalse();
                }
            }
        }
    }

    @Property
    void dominatorsHaveLowerRanks(@ForAll("points") List<double[]> points) {
        int[] ranks = ParetoRanking.ranks(points);

        for (int i = 0; i < points.size(); i++) {
            for (int j = 0; j < points.size(); j++) {
                if (ParetoRanking.dominates(points.get(i), points.get(j))) {
                    assertThat(ranks[i]).isLessThan(ranks[j]);
                }
            }
        }
    }

    @Property
    void eachLaterFrontIsDominatedByThePreviousOne(@ForAll("points") List<double[]> points) {
        int[] ranks = ParetoRanking.ranks(points);

        for (int j = 0; j < points.size(); j++) {
            if (ranks[j] > 0) {
                boolean dominatedByPrevious = false;
                for (int i = 0; i < points.size(); i++) {
                    dominatedByPrevious |= ranks[i] == ranks[j] - 1
                            && ParetoRanking.dominates(points.get(i), points.get(j));
                }
                assertThat(dominatedByPrevious).as("point %d of rank %d", j, ranks[j]).isTrue();
            }
        }
    }

    @Property
    void frontExtremesAreInfinitelyUncrowded(@ForAll("points") List<double[]> points) {
        int[] ranks = ParetoRanking.ranks(points);
        double[] distances = ParetoRanking.crowdingDistances(points, ranks);

        for (int m = 0; m < 2; m++) {
            for (int i = 0; i < points.size(); i++) {
                boolean extreme = true;
                for (int j = 0; j < points.size(); j++) {
                    extreme &= ranks[j] != ranks[i] || points.get(j)[m] >= points.get(i)[m];
                }
                if (extreme && uniqueInFront(points, ranks, i, m)) {
                    assertThat(distances[i]).isInfinite();
                }
            }
        }
        for (double distance : distances) {
            assertThat(distance).isGreaterThanOrEqualTo(0.0);
        }
    }

    /** Returns whether no other point of the same front has the same coordinate {@code m}. */
    private static boolean uniqueInFront(List<double[]> points, int[] ranks, int i, int m) {
        for (int j = 0; j < points.size(); j++) {
            if (j != i && ranks[j] == ranks[i] && points.get(j)[m] == points.get(i)[m]) {
                return false;
            }
        }
        return true;
    }

    @Provide
    Arbitrary<List<double[]>> points() {
        Arbitrary<double[]> point = Arbitraries.integers().between(0, 9)
                .array(int[].class).ofSize(2)
                .map(p -> new double[] {p[0], p[1]});
        return point.list().ofMinSize(1).ofMaxSize(30);
    }
}
