package io.archforge.refine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Epsilon squared, an effect size of a one-way analysis of variance:
 * {@code (SS_between - (k - 1) * MS_within) / SS_total} for {@code k} groups, clipped
 * at 0. It is the share of the variance of the values that the grouping explains, with
 * the upward bias of the plain share (eta squared) removed.
 */
final class EpsilonSquared {

    private EpsilonSquared() {
    }

    /**
     * Returns epsilon squared of {@code values} grouped by {@code groups}, both in trial
     * order; 0 with fewer than two groups, no spread or no degrees of freedom left.
     */
    static double of(double[] values, List<Integer> groups) {
        int n = values.length;
        double mean = 0;
        for (double value : values) {
            mean += value / n;
        }
        Map<Integer, double[]> sums = new HashMap<>();
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] sum = sums.computeIfAbsent(groups.get(i), g -> new double[2]);
            sum[0] += values[i];
            sum[1]++;
            total += (values[i] - mean) * (values[i] - mean);
        }
        int k = sums.size();
        if (k < 2 || n <= k || total <= 0) {
            return 0;
        }
        double between = 0;
        for (double[] sum : sums.values()) {
            double groupMean = sum[0] / sum[1];
            between += sum[1] * (groupMean - mean) * (groupMean - mean);
        }
        double within = Math.max(0, total - between);
        double epsilon = (between - (k - 1) * within / (n - k)) / total;
        return Math.max(0, Math.min(1, epsilon));
    }
}
