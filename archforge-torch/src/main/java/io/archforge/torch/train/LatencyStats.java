package io.archforge.torch.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Summary of repeated latency measurements.
 *
 * @param samplesMs every timed run, in milliseconds, in the order measured
 * @param medianMs the median, in milliseconds
 * @param p10Ms the 10th percentile, in milliseconds
 * @param p90Ms the 90th percentile, in milliseconds
 * @param outliers samples outside Tukey's fences: more than 1.5 interquartile ranges
 *     below the first or above the third quartile
 * @param threads the intra-op thread count during the measurement
 */
public record LatencyStats(List<Double> samplesMs, double medianMs, double p10Ms, double p90Ms,
        int outliers, int threads) {

    public LatencyStats {
        samplesMs = List.copyOf(samplesMs);
        if (samplesMs.isEmpty()) {
            throw new IllegalArgumentException("latency statistics need at least one sample");
        }
    }

    /** Summarizes {@code samplesMs}. */
    public static LatencyStats of(List<Double> samplesMs, int threads) {
        List<Double> sorted = new ArrayList<>(samplesMs);
        Collections.sort(sorted);
        double q1 = percentile(sorted, 25);
        double q3 = percentile(sorted, 75);
        double fence = 1.5 * (q3 - q1);
        int outliers = 0;
        for (double sample : sorted) {
            if (sample < q1 - fence || sample > q3 + fence) {
                outliers++;
            }
        }
        return new LatencyStats(samplesMs, percentile(sorted, 50), percentile(sorted, 10),
                percentile(sorted, 90), outliers, threads);
    }

    /** Returns the {@code percent} percentile of sorted values, interpolating between ranks. */
    static double percentile(List<Double> sorted, double percent) {
        double rank = percent / 100 * (sorted.size() - 1);
        int below = (int) Math.floor(rank);
        int above = Math.min(below + 1, sorted.size() - 1);
        double weight = rank - below;
        return sorted.get(below) * (1 - weight) + sorted.get(above) * weight;
    }
}
