package io.archforge.study;

/** Whether an objective is maximised or minimised. */
public enum Direction {
    MAXIMIZE,
    MINIMIZE;

    /** Returns whether {@code a} is strictly better than {@code b} in this direction. */
    public boolean better(double a, double b) {
        return this == MAXIMIZE ? a > b : a < b;
    }

    /** The value as a quantity to minimise: negated when maximising. */
    public double toMinimized(double value) {
        return this == MAXIMIZE ? -value : value;
    }
}
