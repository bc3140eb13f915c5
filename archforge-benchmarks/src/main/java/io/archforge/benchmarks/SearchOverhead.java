package io.archforge.benchmarks;

/**
 * Wall time a strategy spent per trial on ask and tell, with the study kept in memory;
 * the table look-up that evaluates the trial is not counted.
 *
 * @param strategy the strategy name
 * @param trials the trials measured
 * @param meanMicros the mean time per trial in microseconds
 * @param maxMicros the longest trial in microseconds
 * @param threads how many studies ran at once while measuring
 */
public record SearchOverhead(String strategy, long trials, double meanMicros, double maxMicros,
        int threads) {

    /** The mean time per trial in milliseconds. */
    public double meanMillis() {
        return meanMicros / 1e3;
    }
}
