package io.archforge.torch.forecast;

/**
 * Thrown when a time-series file is missing, unreadable or invalid: an empty file, a
 * missing column, a value that is not a number, timestamps out of order, or too few rows.
 * The message names the file, the line and the value where there is one, and the fix.
 */
public final class TimeSeriesFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message that names the file and the fault. */
    public TimeSeriesFormatException(String message) {
        super(message);
    }

    /** Creates an exception with a message that names the file and the fault. */
    public TimeSeriesFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
