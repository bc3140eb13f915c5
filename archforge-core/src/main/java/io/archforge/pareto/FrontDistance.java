package io.archforge.pareto;

import java.util.List;

/**
 * Distances of an approximation set from a reference front, every coordinate minimised
 * and already scaled (see {@link ObjectiveScale}), so that no objective's unit
 * outweighs another's.
 */
public final class FrontDistance {

    private FrontDistance() {
    }

    /**
     * Computes the inverted generational distance (Coello Coello and Reyes Sierra, MICAI
     * 2004): the mean, over the reference front's points, of the Euclidean distance to
     * the nearest point of {@code approximation}. It is 0 when the approximation covers
     * the front, and positive infinity when the approximation is empty.
     */
    public static double igd(List<double[]> approximation, List<double[]> reference) {
        return mean(approximation, reference, false);
    }

    /**
     * Computes IGD+ (Ishibuchi, Masuda, Tanigaki and Nojima, "Modified Distance Calculation in
     * Generational Distance and Inverted Generational Distance", EMO 2015): like
     * {@link #igd} but each distance counts only how far the approximation point is
     * worse than the reference point, which keeps the indicator Pareto-compliant.
     */
    public static double igdPlus(List<double[]> approximation, List<double[]> reference) {
        return mean(approximation, reference, true);
    }

    private static double mean(List<double[]> approximation, List<double[]> reference,
            boolean onlyWorse) {
        if (reference.isEmpty()) {
            throw new IllegalArgumentException("the reference front is empty");
        }
        if (approximation.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        double total = 0;
        for (double[] target : reference) {
            double nearest = Double.POSITIVE_INFINITY;
            for (double[] point : approximation) {
                nearest = Math.min(nearest, distance(point, target, onlyWorse));
            }
            total += nearest;
        }
        return total / reference.size();
    }

    private static double distance(double[] point, double[] target, boolean onlyWorse) {
        if (point.length != target.length) {
            throw new IllegalArgumentException("points of " + point.length + " and "
                    + target.length + " objectives cannot be compared");
        }
        double squares = 0;
        for (int i = 0; i < point.length; i++) {
            double gap = point[i] - target[i];
            if (onlyWorse) {
                gap = Math.max(gap, 0);
            }
            squares += gap * gap;
        }
        return Math.sqrt(squares);
    }
}
