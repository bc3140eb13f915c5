package io.archforge.benchmarks.latency;

/**
 * One latency predictor fitted on one training set and scored on the held-out set.
 *
 * @param benchmark the table, such as {@code fbnet}, or {@code local}
 * @param device the device
 * @param method the method key, such as {@code learned+lookup}
 * @param predictor the learned model inside the method, or {@code -} for the lookup table
 * @param trainSize training architectures measured on the device
 * @param testSize held-out architectures
 * @param seed the seed of the training set and the fits
 * @param mape mean absolute percentage error on the held-out set
 * @param within10 percentage of held-out architectures predicted within 10%
 * @param fitSeconds the time of the fit
 */
public record LatencyRun(String benchmark, String device, String method, String predictor,
        int trainSize, int testSize, long seed, double mape, double within10,
        double fitSeconds) {
}
