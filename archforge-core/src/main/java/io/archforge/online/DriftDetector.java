package io.archforge.online;

/**
 * A sequential test for a rise in the mean of a stream of errors, such as a deployed
 * model's forecast error per step. Implementations are mutable and not thread-safe.
 */
public sealed interface DriftDetector permits PageHinkley, Adwin {

    /** The detector's name, as given to {@code --detector}. */
    String name();

    /**
     * Adds the next value and returns whether it raises an alarm: the test concludes
     * that the mean has risen. After an alarm the detector discards the values before
     * the change, so the next alarm needs fresh evidence.
     *
     * @throws IllegalArgumentException when {@code value} is not finite
     */
    boolean add(double value);

    /** Returns the number of values added since creation. */
    long count();

    /** Returns the number of alarms raised since creation. */
    long alarms();

    /** Forgets every value added, keeping the settings and the alarm count. */
    void reset();

    /** Throws when {@code value} is NaN or infinite. */
    static void requireFinite(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a drift detector needs finite values, got "
                    + value);
        }
    }
}
