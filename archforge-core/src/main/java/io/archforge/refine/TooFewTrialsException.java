package io.archforge.refine;

/** A study has fewer complete trials than a refinement needs. */
public final class TooFewTrialsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int trials;
    private final int minimum;

    public TooFewTrialsException(String message, int trials, int minimum) {
        super(message);
        this.trials = trials;
        this.minimum = minimum;
    }

    /** Returns the complete trials that counted. */
    public int trials() {
        return trials;
    }

    /** Returns the minimum number of complete trials the refinement accepts. */
    public int minimum() {
        return minimum;
    }
}
