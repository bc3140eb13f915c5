package io.archforge.oneshot;

/** Thrown when a derived cell has no path through an operation with weights. */
public final class CollapsedCellException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public CollapsedCellException(String message) {
        super(message);
    }
}
