package io.archforge.online;

/**
 * The Page-Hinkley test (Page, 1954, "Continuous inspection schemes", Biometrika 41)
 * for a rise in the mean, in units of the stream's own standard deviation so that one
 * setting fits errors of any scale.
 *
 * <p>With {@code x̄} the running mean of the values since the last reset and {@code σ}
 * their standard deviation, the test keeps {@code m = Σ (x - x̄ - δσ)} and its minimum
 * {@code M}, and raises an alarm when {@code m - M > λσ}. This is a one-sided CUSUM with
 * allowance {@code δ} and threshold {@code λ}. After the first {@code minValues} values,
 * {@code σ} stops taking in values while a rise builds up ({@code m - M >= λσ/2}) and
 * values more than 4σ above the mean, so that the values after a change do not inflate
 * it and mask the change.
 *
 * <p>For independent Gaussian values with a known mean and deviation, Siegmund's
 * approximation of a CUSUM's average run length gives about 5 * 10^7 values between
 * false alarms for the defaults {@code δ = 0.5, λ = 16}, and about 32 values until an
 * alarm after a rise of one standard deviation. On half-normal values, 200 streams of
 * 2,000 gave no false alarm with {@code λ = 16}, 10 with {@code λ = 12} and 121 with
 * {@code λ = 8} (the streams of DriftDetectorTest).
 */
public final class PageHinkley implements DriftDetector {

    /** Default allowance {@code δ}, in standard deviations. */
    public static final double DEFAULT_DELTA = 0.5;

    /** Default threshold {@code λ}, in standard deviations. */
    public static final double DEFAULT_LAMBDA = 16;

    /** Default number of values before the first test. */
    public static final int DEFAULT_MIN_VALUES = 10;

    /** Values this many deviations above the mean leave the deviation unchanged. */
    private static final double OUTLIER = 4;

    private final double delta;
    private final double lambda;
    private final int minValues;

    private long count;
    private long alarms;
    private long seen;
    private double mean;
    private double squares;
    private double sigma;
    private long deviations;
    private double cumulative;
    private double minimum;

    /**
     * Creates a test.
     *
     * @param delta the allowance: a rise smaller than {@code delta} standard deviations
     *     is tolerated
     * @param lambda the alarm threshold, in standard deviations
     * @param minValues the values needed after a reset before the test may fire
     * @throws IllegalArgumentException when a setting is not positive
     */
    public PageHinkley(double delta, double lambda, int minValues) {
        if (!(delta >= 0) || !(lambda > 0) || minValues < 2) {
            throw new IllegalArgumentException("Page-Hinkley needs delta >= 0, lambda > 0 and"
                    + " at least 2 values, got delta " + delta + ", lambda " + lambda
                    + ", minValues " + minValues);
        }
        this.delta = delta;
        this.lambda = lambda;
        this.minValues = minValues;
    }

    /** Creates a test with the default settings. */
    public PageHinkley() {
        this(DEFAULT_DELTA, DEFAULT_LAMBDA, DEFAULT_MIN_VALUES);
    }

    @Override
    public String name() {
        return "page-hinkley";
    }

    @Override
    public boolean add(double value) {
        DriftDetector.requireFinite(value);
        count++;

        // The running mean, and the deviation only while no rise is building up
        seen++;
        double before = mean;
        mean += (value - mean) / seen;
        boolean building = cumulative - minimum >= lambda * sigma / 2
                || value - before > OUTLIER * sigma;
        if (seen <= minValues || !building) {
            deviations++;
            squares += (value - before) * (value - mean);
            sigma = Math.sqrt(squares / Math.max(1, deviations - 1));
        }
        if (seen < minValues || sigma == 0) {
            return false;
        }

        // The cumulative deviation and its running minimum, in units of sigma
        cumulative += value - mean - delta * sigma;
        minimum = Math.min(minimum, cumulative);
        if (cumulative - minimum <= lambda * sigma) {
            return false;
        }
        alarms++;
        reset();
        return true;
    }

    @Override
    public long count() {
        return count;
    }

    @Override
    public long alarms() {
        return alarms;
    }

    @Override
    public void reset() {
        seen = 0;
        mean = 0;
        squares = 0;
        sigma = 0;
        deviations = 0;
        cumulative = 0;
        minimum = 0;
    }
}
