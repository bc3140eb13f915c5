package io.archforge.benchmarks.pareto;

/**
 * One cell of a front on NAS-Bench-201, in the benchmark's own units.
 *
 * @param cell the cell's index in the NAS-Bench-201 table
 * @param testAccuracy the 200-epoch test accuracy, percent
 * @param flops the FLOPs of one forward pass as {@code Nb201NetworkCost} counts them,
 *     millions
 */
public record FrontPoint(int cell, double testAccuracy, double flops) {

    /** Returns the point with both objectives minimised: negated accuracy, then FLOPs. */
    public double[] minimized() {
        return new double[] {-testAccuracy, flops};
    }
}
