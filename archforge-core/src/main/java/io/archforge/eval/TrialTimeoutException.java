package io.archforge.eval;

import java.time.Duration;
import java.util.Objects;

/**
 * Thrown when an evaluation ran past its trial's time limit (see
 * {@link TimeLimitedEvaluator}). The trial ends FAILED with this message.
 */
public final class TrialTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Duration limit;
    private final boolean abandoned;

    /**
     * Creates the exception of an evaluation that exceeded {@code limit}.
     *
     * @param abandoned whether the evaluation did not return within its grace period and
     *     still runs on its thread
     */
    public TrialTimeoutException(Duration limit, boolean abandoned) {
        super("exceeded the trial time limit of " + format(Objects.requireNonNull(limit, "limit"))
                + (abandoned ? "; the evaluation ignored the request to stop and was abandoned"
                        : ""));
        this.limit = limit;
        this.abandoned = abandoned;
    }

    /** Returns the time limit the evaluation exceeded. */
    public Duration limit() {
        return limit;
    }

    /** Returns whether the evaluation still runs on its abandoned thread. */
    public boolean abandoned() {
        return abandoned;
    }

    /** Formats a duration in its largest whole unit, such as {@code 10m} or {@code 500ms}. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = millis / 1000;
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
