package io.archforge.refine;

import java.util.Locale;

/** The action a refinement takes on one value of a choice. */
public enum Decision {
    /** Kept: the evidence against the value is not strong enough, or there is none. */
    KEPT,
    /** Removed: the value is depleted in the top group at the requested confidence. */
    REMOVED,
    /** Kept whatever the evidence, because the best trial uses it. */
    KEPT_IN_BEST,
    /**
     * Kept although the test would remove it, because every other value of its choice was
     * removed. This is a guard: the best trial's values are always kept, so each choice
     * keeps at least one value before this rule applies.
     */
    KEPT_AS_LAST,
    /** Not allowed by the refined space the study searched, and still not allowed. */
    EXCLUDED;

    /** Returns whether the refined space allows a value with this decision. */
    public boolean keeps() {
        return this != REMOVED && this != EXCLUDED;
    }

    /** Returns the lower-case name written to JSON, such as {@code kept_in_best}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an {@link #id()}.
     *
     * @throws IllegalArgumentException naming the text and the valid names
     */
    public static Decision parse(String id) {
        for (Decision decision : values()) {
            if (decision.id().equals(id)) {
                return decision;
            }
        }
        throw new IllegalArgumentException("unknown decision '" + id
                + "'; expected kept, removed, kept_in_best, kept_as_last or excluded");
    }
}
