package io.archforge.torch.online;

import java.util.List;

/**
 * The prequential errors of one replay, on the standardised scale: each window is
 * scored by the model deployed before any of its forecast rows arrived.
 *
 * @param rows the rows streamed
 * @param origins the origin of each scored window, in stream order
 * @param absoluteErrors the mean absolute error of each scored window
 * @param squaredErrors the mean squared error of each scored window
 * @param naiveScale the MASE denominator: the one-step naive forecast's mean absolute
 *     error over the stream's prefix
 * @param trainingSteps the optimizer steps of every network of the learner
 * @param cpuSeconds the process CPU time of the replay, all threads together
 * @param wallSeconds the elapsed time of the replay, pauses for {@code --speed} included
 * @param fallbacks the windows forecast naively because the deployed model returned a
 *     non-finite value
 * @param deployed the architecture deployed at the end
 */
public record ReplayResult(int rows, List<Integer> origins, List<Double> absoluteErrors,
        List<Double> squaredErrors, double naiveScale, long trainingSteps, double cpuSeconds,
        double wallSeconds, int fallbacks, String deployed) {

    public ReplayResult {
        origins = List.copyOf(origins);
        absoluteErrors = List.copyOf(absoluteErrors);
        squaredErrors = List.copyOf(squaredErrors);
        if (origins.size() != absoluteErrors.size()
                || origins.size() != squaredErrors.size()) {
            throw new IllegalArgumentException("one error of each kind per origin is needed, got "
                    + origins.size() + ", " + absoluteErrors.size() + " and "
                    + squaredErrors.size());
        }
    }

    /** Returns the number of scored windows. */
    public int windows() {
        return origins.size();
    }

    /** Returns the mean absolute error over the scored windows, NaN when there is none. */
    public double mae() {
        return mean(absoluteErrors);
    }

    /** Returns the mean squared error over the scored windows, NaN when there is none. */
    public double mse() {
        return mean(squaredErrors);
    }

    /** Returns the mean absolute scaled error: {@link #mae()} over the naive scale. */
    public double mase() {
        return mae() / naiveScale;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
