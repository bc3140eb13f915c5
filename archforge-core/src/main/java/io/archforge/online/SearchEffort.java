package io.archforge.online;

/**
 * The search effort of an online search: how many members one generation replaces and
 * how many choices each child changes. A drift alarm raises the effort to its maximum;
 * every generation afterwards multiplies the excess over the base by {@code decay}, so
 * the effort falls back to the base within a few generations.
 */
public final class SearchEffort {

    private final int baseChildren;
    private final int maxChildren;
    private final int maxMutations;
    private final double decay;
    private double level;

    /**
     * Creates the effort at its base level.
     *
     * @param baseChildren children per generation without drift, at least 1
     * @param maxChildren children per generation right after an alarm
     * @param maxMutations choices a child changes right after an alarm; 1 without drift
     * @param decay the factor, in [0, 1), that each generation applies to the raised level
     * @throws IllegalArgumentException when a setting is out of range
     */
    public SearchEffort(int baseChildren, int maxChildren, int maxMutations, double decay) {
        if (baseChildren < 1 || maxChildren < baseChildren || maxMutations < 1
                || !(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("search effort needs 1 <= baseChildren <="
                    + " maxChildren, maxMutations >= 1 and 0 <= decay < 1, got "
                    + baseChildren + ", " + maxChildren + ", " + maxMutations + ", " + decay);
        }
        this.baseChildren = baseChildren;
        this.maxChildren = maxChildren;
        this.maxMutations = maxMutations;
        this.decay = decay;
    }

    /** Raises the effort to its maximum, as after a drift alarm. */
    public void raise() {
        level = 1;
    }

    /** Lowers the raised part of the effort by the decay factor, once per generation. */
    public void decay() {
        level *= decay;
    }

    /** Returns the raised part of the effort: 1 right after an alarm, 0 at the base. */
    public double level() {
        return level;
    }

    /** Returns the number of members the next generation replaces. */
    public int children() {
        return (int) Math.round(baseChildren + level * (maxChildren - baseChildren));
    }

    /** Returns the number of choices each child of the next generation changes. */
    public int mutations() {
        return (int) Math.round(1 + level * (maxMutations - 1));
    }
}
