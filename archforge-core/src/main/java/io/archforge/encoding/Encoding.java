package io.archforge.encoding;

import io.archforge.space.SearchSpace;
import java.util.Locale;

/** The encodings a strategy can be configured with, by option value. */
public enum Encoding {

    /** {@link PathEncoder} on cell spaces that allow it, one-hot elsewhere. */
    PATH,
    /** {@link OneHotEncoder} on every space. */
    ONE_HOT,
    /** {@link AdjacencyEncoder} of the space's graph form. */
    ADJACENCY;

    /** The option value: {@code path}, {@code one_hot} or {@code adjacency}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code path}, {@code one_hot} or {@code adjacency}, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the valid ones
     */
    public static Encoding parse(String value) {
        for (Encoding encoding : values()) {
            if (encoding.key().equalsIgnoreCase(value.strip())) {
                return encoding;
            }
        }
        throw new IllegalArgumentException("unknown encoding '" + value
                + "'; valid values are path, one_hot and adjacency");
    }

    /** Creates this encoding's encoder for {@code space}. */
    public Encoder encoder(SearchSpace space) {
        return switch (this) {
            case PATH -> Encoders.pathOrOneHot(space);
            case ONE_HOT -> new OneHotEncoder(space);
            case ADJACENCY -> new AdjacencyEncoder(GraphForms.of(space));
        };
    }
}
