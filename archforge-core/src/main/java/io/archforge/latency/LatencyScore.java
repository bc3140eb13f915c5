package io.archforge.latency;

/**
 * The error of latency predictions on held-out architectures.
 *
 * @param mape the mean absolute percentage error, {@code 100 * mean |predicted - measured|
 *     / measured}
 * @param within10 the percentage of architectures predicted within 10% of their measured
 *     latency, the accuracy measure of nn-Meter (Zhang et al., MobiSys 2021)
 */
public record LatencyScore(double mape, double within10) {

    /** The relative error that {@link #within10} accepts. */
    public static final double TOLERANCE = 0.10;

    /**
     * Scores {@code predictedMs} against {@code measuredMs}.
     *
     * @throws IllegalArgumentException when the arrays are empty or differ in length, or a
     *     measured latency is not positive
     */
    public static LatencyScore of(double[] predictedMs, double[] measuredMs) {
        if (predictedMs.length != measuredMs.length || measuredMs.length == 0) {
            throw new IllegalArgumentException("scoring needs one prediction per measured "
                    + "latency and at least one of each, got " + predictedMs.length
                    + " predictions and " + measuredMs.length + " measurements");
        }
        double errors = 0;
        int within = 0;
        for (int i = 0; i < measuredMs.length; i++) {
            if (!(measuredMs[i] > 0)) {
                throw new IllegalArgumentException("measured latency " + i + " is "
                        + measuredMs[i] + " ms; it must be positive");
            }
            double relative = Math.abs(predictedMs[i] - measuredMs[i]) / measuredMs[i];
            errors += relative;
            // A small margin keeps predictions exactly 10% off, up to rounding, inside.
            if (relative <= TOLERANCE + 1e-12) {
                within++;
            }
        }
        return new LatencyScore(100 * errors / measuredMs.length,
                100.0 * within / measuredMs.length);
    }
}
