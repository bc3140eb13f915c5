package io.archforge.strategy;

import java.util.List;
import java.util.Map;

/**
 * Settings of {@link Tpe}; the defaults are those of BOHB (Falkner, Klein and Hutter,
 * ICML 2018).
 *
 * @param topFraction the share of observations that form the good density, in (0, 0.5]
 * @param minPoints the fewest observations in each density, or 0 for the number of
 *     choices plus one; from 0 to 1000
 * @param candidates architectures drawn from the good density per proposal, from 1 to 10000
 * @param randomFraction the share of proposals drawn at random, in [0, 1]
 * @param bandwidth the kernel's chance of moving a categorical choice off an observed
 *     value, in (0, 1)
 * @param bandwidthFactor the widening of the kernel when drawing candidates, from 1 to 10
 */
public record TpeOptions(double topFraction, int minPoints, int candidates,
        double randomFraction, double bandwidth, double bandwidthFactor) {

    public static final String TOP_FRACTION = "top_fraction";
    public static final String MIN_POINTS = "min_points";
    public static final String CANDIDATES = "candidates";
    public static final String RANDOM_FRACTION = "random_fraction";
    public static final String BANDWIDTH = "bandwidth";
    public static final String BANDWIDTH_FACTOR = "bandwidth_factor";

    private static final String NAME = Tpe.NAME;
    private static final List<String> KEYS = List.of(TOP_FRACTION, MIN_POINTS, CANDIDATES,
            RANDOM_FRACTION, BANDWIDTH, BANDWIDTH_FACTOR);

    public TpeOptions {
        OptionReader.requireRange(NAME, TOP_FRACTION, topFraction, 0, 0.5, false);
        OptionReader.requireRange(NAME, MIN_POINTS, minPoints, 0, 1000);
        OptionReader.requireRange(NAME, CANDIDATES, candidates, 1, 10_000);
        OptionReader.requireRange(NAME, RANDOM_FRACTION, randomFraction, 0, 1, true);
        OptionReader.requireRange(NAME, BANDWIDTH, bandwidth, 0, 0.999, false);
        OptionReader.requireRange(NAME, BANDWIDTH_FACTOR, bandwidthFactor, 1, 10, true);
    }

    /** Top 15 percent, d + 1 points, 64 candidates, a third random, bandwidth 0.2 widened 3 times. */
    public static TpeOptions defaults() {
        return new TpeOptions(0.15, 0, 64, 1.0 / 3, 0.2, 3);
    }

    /** Reads {@code key=value} options over the defaults. */
    public static TpeOptions parse(Map<String, String> options) {
        OptionReader reader = new OptionReader(NAME, options, KEYS);
        TpeOptions d = defaults();
        return new TpeOptions(reader.real(TOP_FRACTION, d.topFraction()),
                reader.integer(MIN_POINTS, d.minPoints()),
                reader.integer(CANDIDATES, d.candidates()),
                reader.real(RANDOM_FRACTION, d.randomFraction()),
                reader.real(BANDWIDTH, d.bandwidth()),
                reader.real(BANDWIDTH_FACTOR, d.bandwidthFactor()));
    }
}
