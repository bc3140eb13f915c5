package io.archforge.torch.data;

/**
 * Thrown when a data file is missing, unreadable or not a valid IDX file. The message
 * names the file and what is wrong with it.
 */
public final class DataFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataFileException(String message) {
        super(message);
    }

    public DataFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
