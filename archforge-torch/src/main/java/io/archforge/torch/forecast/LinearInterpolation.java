package io.archforge.torch.forecast;

/** Fills NaN gaps in a series linearly between the known values on either side. */
final class LinearInterpolation {

    private LinearInterpolation() {
    }

    /**
     * Replaces every NaN in {@code values} in place. A gap at the start takes the first
     * known value and a gap at the end the last one.
     *
     * @throws IllegalArgumentException when no value is known
     */
    static void fill(double[] values) {
        int previous = -1;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                continue;
            }
            fillGap(values, previous, i);
            previous = i;
        }
        if (previous < 0) {
            throw new IllegalArgumentException("no known value to interpolate from");
        }
        for (int i = previous + 1; i < values.length; i++) {
            values[i] = values[previous];
        }
    }

    /** Fills the gap strictly between known positions {@code left} (or -1) and {@code right}. */
    private static void fillGap(double[] values, int left, int right) {
        for (int i = left + 1; i < right; i++) {
            if (left < 0) {
                values[i] = values[right];
            } else {
                double weight = (i - left) / (double) (right - left);
                values[i] = between(values[left], values[right], weight);
            }
        }
    }

    /**
     * Returns the point a {@code weight} of the way from {@code a} to {@code b}. The
     * difference {@code b - a} overflows to infinity when the two have opposite signs and
     * large magnitudes, so that case weighs the two ends instead.
     */
    private static double between(double a, double b, double weight) {
        if ((a < 0) == (b < 0)) {
            return a + weight * (b - a);
        }
        return (1 - weight) * a + weight * b;
    }
}
