package io.archforge.refine;

/**
 * The settings of a {@link SpaceRefiner}.
 *
 * @param confidence the confidence C in (0, 1) with which a value is shown to be
 *     depleted in the top group before it is removed; the Holm-adjusted p-value must be
 *     below {@code 1 - C}
 * @param topFraction the share of the complete trials, best first, that forms the top
 *     group, in (0, 1)
 * @param minTrials the fewest complete trials a refinement accepts, at least 2
 */
public record RefinerSettings(double confidence, double topFraction, int minTrials) {

    /** The default top group: the best 20% of the complete trials. */
    public static final double DEFAULT_TOP_FRACTION = 0.2;

    /** The default minimum number of complete trials. */
    public static final int DEFAULT_MIN_TRIALS = 30;

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException naming the value and the valid range
     */
    public RefinerSettings {
        requireConfidence(confidence);
        requireTopFraction(topFraction);
        if (minTrials < 2) {
            throw new IllegalArgumentException("invalid minimum of " + minTrials
                    + " trials: a refinement compares trials, so it needs at least 2");
        }
    }

    /**
     * Checks a confidence.
     *
     * @throws IllegalArgumentException unless it lies strictly between 0 and 1
     */
    static void requireConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("invalid confidence " + confidence
                    + ": it must lie strictly between 0 and 1, such as 0.95");
        }
    }

    /**
     * Checks a top fraction.
     *
     * @throws IllegalArgumentException unless it lies strictly between 0 and 1
     */
    static void requireTopFraction(double topFraction) {
        if (!(topFraction > 0 && topFraction < 1)) {
            throw new IllegalArgumentException("invalid top fraction " + topFraction
                    + ": it must lie strictly between 0 and 1, such as "
                    + DEFAULT_TOP_FRACTION);
        }
    }

    /** Settings with {@code confidence} and the default top fraction and minimum. */
    public static RefinerSettings withConfidence(double confidence) {
        return new RefinerSettings(confidence, DEFAULT_TOP_FRACTION, DEFAULT_MIN_TRIALS);
    }

    /** Returns the significance level {@code 1 - confidence} that adjusted p-values are held to. */
    public double alpha() {
        return 1 - confidence;
    }
}
