package io.archforge.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The exact hypervolume of a set of points, every coordinate minimised: the measure of
 * the region the points dominate and the reference point bounds (Zitzler and Thiele,
 * "Multiobjective Optimization Using Evolutionary Algorithms: A Comparative Case
 * Study", PPSN 1998).
 *
 * <p>Two dimensions are swept in {@code O(n log n)}. More dimensions are sliced along
 * the last coordinate, each slab contributing its thickness times the hypervolume of
 * the points below it in one dimension fewer (the slicing idea of While, Hingston,
 * Barone and Huband, "A faster algorithm for calculating hypervolume", IEEE TEC 2006);
 * this costs {@code O(n^(d-1) log n)}, fine for the fronts of a search. Points that do
 * not strictly dominate the reference point add nothing.
 */
public final class Hypervolume {

    private Hypervolume() {
    }

    /**
     * Computes the hypervolume of {@code points} against {@code reference}.
     *
     * @throws IllegalArgumentException when a point's dimension differs from the
     *     reference point's or a coordinate is NaN
     */
    public static double of(List<double[]> points, double[] reference) {
        int d = reference.length;
        if (d == 0) {
            throw new IllegalArgumentException("hypervolume needs at least one objective");
        }
        List<double[]> inside = new ArrayList<>();
        for (double[] point : points) {
            if (point.length != d) {
                throw new IllegalArgumentException("point " + Arrays.toString(point) + " has "
                        + point.length + " objectives, the reference point " + d);
            }
            if (Arrays.stream(point).anyMatch(Double::isNaN)) {
                throw new IllegalArgumentException("point " + Arrays.toString(point)
                        + " has a NaN objective");
            }
            if (strictlyBelow(point, reference, d)) {
                inside.add(point);
            }
        }
        return volume(nonDominated(inside), reference, d);
    }

    private static boolean strictlyBelow(double[] point, double[] reference, int dimensions) {
        for (int i = 0; i < dimensions; i++) {
            if (!(point[i] < reference[i])) {
                return false;
            }
        }
        return true;
    }

    /** Computes the hypervolume in the first {@code d} coordinates of points all below the reference. */
    private static double volume(List<double[]> points, double[] reference, int d) {
        if (points.isEmpty()) {
            return 0;
        }
        if (d == 1) {
            return reference[0] - points.stream().mapToDouble(p -> p[0]).min().orElseThrow();
        }
        if (d == 2) {
            return area(points, reference);
        }
        int last = d - 1;
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(p -> p[last]));
        double total = 0;
        List<double[]> below = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            below.add(sorted.get(i));
            double top = i + 1 < sorted.size() ? sorted.get(i + 1)[last] : reference[last];
            double thickness = top - sorted.get(i)[last];
            if (thickness > 0) {
                total += thickness * volume(nonDominated(below, last), reference, last);
            }
        }
        return total;
    }

    private static double area(List<double[]> points, double[] reference) {
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        double total = 0;
        double ceiling = reference[1];
        for (double[] point : sorted) {
            if (point[1] < ceiling) {
                total += (reference[0] - point[0]) * (ceiling - point[1]);
                ceiling = point[1];
            }
        }
        return total;
    }

    private static List<double[]> nonDominated(List<double[]> points) {
        return points.isEmpty() ? points : nonDominated(points, points.get(0).length);
    }

    /** Returns the points no other point dominates in the first {@code d} coordinates, each duplicate once. */
    private static List<double[]> nonDominated(List<double[]> points, int d) {
        List<double[]> front = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            double[] candidate = points.get(i);
            boolean dominated = false;
            for (int j = 0; j < points.size() && !dominated; j++) {
                if (i == j) {
                    continue;
                }
                double[] other = points.get(j);
                dominated = weaklyDominates(other, candidate, d)
                        && (!weaklyDominates(candidate, other, d) || j < i);
            }
            if (!dominated) {
                front.add(candidate);
            }
        }
        return front;
    }

    private static boolean weaklyDominates(double[] a, double[] b, int d) {
        for (int i = 0; i < d; i++) {
            if (a[i] > b[i]) {
                return false;
            }
        }
        return true;
    }
}
