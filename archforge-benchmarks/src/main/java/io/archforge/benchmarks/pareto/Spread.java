package io.archforge.benchmarks.pareto;

import java.util.Arrays;

/**
 * The mean, median and quartiles of a sample. Quantiles interpolate linearly between
 * order statistics, as R's default type 7 and NumPy's default do.
 *
 * @param mean the arithmetic mean
 * @param median the median
 * @param lowerQuartile the 25th percentile
 * @param upperQuartile the 75th percentile
 */
public record Spread(double mean, double median, double lowerQuartile, double upperQuartile) {

    /**
     * Describes {@code values}; an infinite value makes the mean infinite too.
     *
     * @throws IllegalArgumentException when there are no values or one is NaN
     */
    public static Spread of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a spread needs at least one value");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        if (Double.isNaN(sorted[sorted.length - 1])) {
            throw new IllegalArgumentException("a spread cannot describe NaN values");
        }
        double mean = Arrays.stream(sorted).average().orElseThrow();
        return new Spread(mean, quantile(sorted, 0.5), quantile(sorted, 0.25),
                quantile(sorted, 0.75));
    }

    /** Returns the interquartile range, upper minus lower quartile. */
    public double iqr() {
        return upperQuartile - lowerQuartile;
    }

    private static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double weight = position - below;
        if (weight == 0) {
            return sorted[below];
        }
        return sorted[below] + weight * (sorted[above] - sorted[below]);
    }
}
