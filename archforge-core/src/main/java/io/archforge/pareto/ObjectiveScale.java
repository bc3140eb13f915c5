package io.archforge.pareto;

import java.util.Arrays;
import java.util.List;

/**
 * Maps minimised objective vectors onto [0, 1] per coordinate, the ideal point to 0 and
 * the nadir point to 1, so that hypervolume and IGD weigh objectives of different units
 * alike. Values past the nadir map above 1.
 *
 * @param ideal the best value of each objective
 * @param nadir the worst value of each objective that counts
 */
public record ObjectiveScale(double[] ideal, double[] nadir) {

    public ObjectiveScale {
        if (ideal.length != nadir.length) {
            throw new IllegalArgumentException("ideal and nadir points differ in length");
        }
        ideal = ideal.clone();
        nadir = nadir.clone();
    }

    /** Returns the scale spanned by {@code points}: their coordinate-wise minimum and maximum. */
    public static ObjectiveScale spanning(List<double[]> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("an objective scale needs at least one point");
        }
        int d = points.get(0).length;
        double[] low = new double[d];
        double[] high = new double[d];
        Arrays.fill(low, Double.POSITIVE_INFINITY);
        Arrays.fill(high, Double.NEGATIVE_INFINITY);
        for (double[] point : points) {
            for (int i = 0; i < d; i++) {
                low[i] = Math.min(low[i], point[i]);
                high[i] = Math.max(high[i], point[i]);
            }
        }
        return new ObjectiveScale(low, high);
    }

    /** {@code point} scaled; a coordinate whose ideal equals its nadir maps to 0. */
    public double[] apply(double[] point) {
        double[] scaled = new double[point.length];
        for (int i = 0; i < point.length; i++) {
            double span = nadir[i] - ideal[i];
            scaled[i] = span > 0 ? (point[i] - ideal[i]) / span : 0;
        }
        return scaled;
    }

    /** Scales every point. */
    public List<double[]> apply(List<double[]> points) {
        return points.stream().map(this::apply).toList();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ObjectiveScale scale && Arrays.equals(ideal, scale.ideal)
                && Arrays.equals(nadir, scale.nadir);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ideal) + Arrays.hashCode(nadir);
    }

    @Override
    public String toString() {
        return "ObjectiveScale[ideal=" + Arrays.toString(ideal) + ", nadir="
                + Arrays.toString(nadir) + "]";
    }
}
