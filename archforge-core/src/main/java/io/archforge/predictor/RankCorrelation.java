package io.archforge.predictor;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Rank correlations between predicted and measured values. */
public final class RankCorrelation {

    private RankCorrelation() {
    }

    /**
     * Computes Kendall's tau-b: concordant minus discordant pairs over the geometric mean of the
     * pairs untied in each variable, so ties lower neither the numerator nor the bound.
     * O(n^2), meant for held-out sets of hundreds.
     *
     * @return a value in [-1, 1], or 0 when either variable is constant
     */
    public static double kendallTau(double[] x, double[] y) {
        checkPaired(x, y);
        long concordant = 0;
        long discordant = 0;
        long tiedX = 0;
        long tiedY = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                double dx = Math.signum(x[i] - x[j]);
                double dy = Math.signum(y[i] - y[j]);
                if (dx == 0 && dy == 0) {
                    continue;
                }
                if (dx == 0) {
                    tiedX++;
                } else if (dy == 0) {
                    tiedY++;
                } else if (dx == dy) {
                    concordant++;
                } else {
                    discordant++;
                }
            }
        }
        double untiedX = concordant + discordant + tiedY;
        double untiedY = concordant + discordant + tiedX;
        if (untiedX == 0 || untiedY == 0) {
            return 0;
        }
        return (concordant - discordant) / Math.sqrt(untiedX * untiedY);
    }

    /**
     * Computes Spearman's rho: the Pearson correlation of the ranks, tied values sharing their
     * mean rank.
     *
     * @return a value in [-1, 1], or 0 when either variable is constant
     */
    public static double spearman(double[] x, double[] y) {
        checkPaired(x, y);
        return pearson(ranks(x), ranks(y));
    }

    /**
     * Computes the share of the true top {@code fraction} of the items that is also in the
     * predicted top {@code fraction}: with 200 items and fraction 0.1, how many of the 20
     * best are among the 20 predicted best, divided by 20. At least one item counts.
     */
    public static double topPrecision(double[] predicted, double[] actual, double fraction) {
        checkPaired(predicted, actual);
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
        }
        int k = Math.max(1, (int) Math.round(predicted.length * fraction));
        boolean[] trueTop = new boolean[actual.length];
        for (int i : topIndices(actual, k)) {
            trueTop[i] = true;
        }
        int hits = 0;
        for (int i : topIndices(predicted, k)) {
            if (trueTop[i]) {
                hits++;
            }
        }
        return hits / (double) k;
    }

    /** Pearson's correlation, or 0 when either variable is constant. */
    public static double pearson(double[] x, double[] y) {
        checkPaired(x, y);
        double meanX = Arrays.stream(x).average().orElse(0);
        double meanY = Arrays.stream(y).average().orElse(0);
        double covariance = 0;
        double varianceX = 0;
        double varianceY = 0;
        for (int i = 0; i < x.length; i++) {
            covariance += (x[i] - meanX) * (y[i] - meanY);
            varianceX += (x[i] - meanX) * (x[i] - meanX);
            varianceY += (y[i] - meanY) * (y[i] - meanY);
        }
        if (varianceX == 0 || varianceY == 0) {
            return 0;
        }
        return covariance / Math.sqrt(varianceX * varianceY);
    }

    /** Ranks {@code values} from 0, tied values sharing their mean rank. */
    public static double[] ranks(double[] values) {
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        int start = 0;
        while (start < order.length) {
            int end = start;
            while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            double mean = (start + end) / 2.0;
            for (int k = start; k <= end; k++) {
                ranks[order[k]] = mean;
            }
            start = end + 1;
        }
        return ranks;
    }

    private static int[] topIndices(double[] values, int k) {
        // Highest first; the lower index wins a tie, so the result is deterministic.
        return IntStream.range(0, values.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -values[i])
                        .thenComparingInt(i -> i))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    private static void checkPaired(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("rank statistics need two paired samples of at "
                    + "least 2 values, got " + x.length + " and " + y.length);
        }
    }
}
