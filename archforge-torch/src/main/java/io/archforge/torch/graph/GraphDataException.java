package io.archforge.torch.graph;

/**
 * Thrown when a graph data file is missing, unreadable or malformed. The message names
 * the file, the line and the value where that applies, and what to fix.
 */
public final class GraphDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the file and the problem. */
    public GraphDataException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the I/O error behind it. */
    public GraphDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
