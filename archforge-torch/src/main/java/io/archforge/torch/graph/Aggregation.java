package io.archforge.torch.graph;

import java.util.Locale;

/** The rule by which a layer combines the features of a node's neighbours. */
public enum Aggregation {
    /** The sum over neighbours. */
    SUM,
    /** The mean over neighbours; zero for a node without neighbours. */
    MEAN,
    /** The feature-wise maximum over neighbours; zero for a node without neighbours. */
    MAX;

    /**
     * Returns the aggregation named {@code name} in lower case.
     *
     * @throws IllegalArgumentException when no aggregation has that name
     */
    public static Aggregation parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown aggregation '" + name
                    + "'; valid aggregations are sum, mean, max", e);
        }
    }
}
