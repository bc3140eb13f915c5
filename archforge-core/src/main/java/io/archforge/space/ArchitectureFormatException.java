package io.archforge.space;

/** Thrown when a string is not a valid architecture of a space; the message names the value and the expected form. */
public final class ArchitectureFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ArchitectureFormatException(String message) {
        super(message);
    }
}
