package io.archforge.benchmarks.pareto;

/**
 * The distances and hypervolume of an approximation set measured against a
 * {@link TrueFront}, all in objectives scaled by the true front's ideal and nadir points.
 *
 * @param size the number of points measured
 * @param igd the inverted generational distance to the true front, 0 when the set
 *     covers it, infinite when the set is empty
 * @param igdPlus IGD+, which counts only how far the set is worse than each true point
 * @param hypervolume the scaled hypervolume against the reference point
 *     {@value TrueFront#REFERENCE} in each coordinate
 * @param hypervolumeRatio {@code hypervolume} divided by the true front's, at most 1
 *     up to rounding
 */
public record FrontMeasures(int size, double igd, double igdPlus, double hypervolume,
        double hypervolumeRatio) {
}
