package io.archforge.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Non-dominated sorting and crowding distance (Deb, Pratap, Agarwal and Meyarivan,
 * 2002, NSGA-II) over points whose every coordinate is minimised.
 */
public final class ParetoRanking {

    private ParetoRanking() {
    }

    /** Returns whether {@code a} dominates {@code b}: no worse everywhere and better somewhere. */
    public static boolean dominates(double[] a, double[] b) {
        boolean strictlyBetter = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                return false;
            }
            if (a[i] < b[i]) {
                strictlyBetter = true;
            }
        }
        return strictlyBetter;
    }

    /**
     * Sorts points into fronts: front 0 is non-dominated, front 1 is non-dominated
     * once front 0 is removed, and so on.
     *
     * @return the front index of each point
     */
    public static int[] ranks(List<double[]> points) {
        int n = points.size();
        int[] dominatedByCount = new int[n];
        List<List<Integer>> dominates = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            dominates.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (dominates(points.get(i), points.get(j))) {
                    dominates.get(i).add(j);
                    dominatedByCount[j]++;
                } else if (dominates(points.get(j), points.get(i))) {
                    dominates.get(j).add(i);
                    dominatedByCount[i]++;
                }
            }
        }
        int[] rank = new int[n];
        List<Integer> front = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (dominatedByCount[i] == 0) {
                front.add(i);
            }
        }
        int level = 0;
        while (!front.isEmpty()) {
            List<Integer> next = new ArrayList<>();
            for (int i : front) {
                rank[i] = level;
                for (int j : dominates.get(i)) {
                    if (--dominatedByCount[j] == 0) {
                        next.add(j);
                    }
                }
            }
            front = next;
            level++;
        }
        return rank;
    }

    /**
     * Sorts points into fronts under constrained dominance (Deb et al. 2002): feasible
     * points (violation 0) are ranked among themselves by {@link #ranks}; infeasible
     * points come after every feasible front, one front per distinct violation, the
     * smallest violation first. With no feasible point, front 0 therefore contains the
     * points of least violation.
     *
     * @param violations the total constraint violation of each point, 0 when feasible
     * @return the front index of each point
     */
    public static int[] constrainedRanks(List<double[]> points, double[] violations) {
        if (violations.length != points.size()) {
            throw new IllegalArgumentException("got " + violations.length + " violations for "
                    + points.size() + " points");
        }
        List<Integer> feasible = new ArrayList<>();
        for (int i = 0; i < violations.length; i++) {
            if (violations[i] == 0) {
                feasible.add(i);
            }
        }
        int[] rank = new int[points.size()];
        int[] feasibleRanks = ranks(feasible.stream().map(points::get).toList());
        int next = 0;
        for (int k = 0; k < feasible.size(); k++) {
            rank[feasible.get(k)] = feasibleRanks[k];
            next = Math.max(next, feasibleRanks[k] + 1);
        }
        double[] levels = Arrays.stream(violations).filter(v -> v != 0).sorted().distinct().toArray();
        for (int i = 0; i < violations.length; i++) {
            if (violations[i] != 0) {
                rank[i] = next + Arrays.binarySearch(levels, violations[i]);
            }
        }
        return rank;
    }

    /**
     * Crowding distance of each point within its own front; boundary points of a
     * front get positive infinity.
     */
    public static double[] crowdingDistances(List<double[]> points, int[] ranks) {
        int n = points.size();
        double[] distance = new double[n];
        if (n == 0) {
            return distance;
        }
        int objectives = points.get(0).length;
        int maxRank = Arrays.stream(ranks).max().orElse(0);
        for (int level = 0; level <= maxRank; level++) {
            List<Integer> front = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (ranks[i] == level) {
                    front.add(i);
                }
            }
            for (int m = 0; m < objectives; m++) {
                int objective = m;
                front.sort(Comparator.comparingDouble(i -> points.get(i)[objective]));
                double low = points.get(front.get(0))[m];
                double high = points.get(front.get(front.size() - 1))[m];
                distance[front.get(0)] = Double.POSITIVE_INFINITY;
                distance[front.get(front.size() - 1)] = Double.POSITIVE_INFINITY;
                if (high == low) {
                    continue;
                }
                for (int k = 1; k < front.size() - 1; k++) {
                    double gap = points.get(front.get(k + 1))[m] - points.get(front.get(k - 1))[m];
                    distance[front.get(k)] += gap / (high - low);
                }
            }
        }
        return distance;
    }
}
