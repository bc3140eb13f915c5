package io.archforge.encoding;

import io.archforge.space.SearchSpace;
import java.util.Locale;

/** The encodings a strategy can be configured with, by option value. */
public enum Encoding {

    /** {@link PathEncoder} on cell spaces that allow it, one-hot elsewhere. */
    PATH,
    /** {@link OneHotEncoder} on every space. */
    ONE_HOT;

    /** The option value: {@code path} or {@code one_hot}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code path} or {@code one_hot}, ignoring case.
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
                + "'; valid values are path and one_hot");
    }

    /** Creates this encoding's encoder for {@code space}. */
    public Encoder encoder(SearchSpace space) {
        return switch (this) {
            case PATH -> Encoders.pathOrOneHot(space);
            case ONE_HOT -> new OneHotEncoder(space);
        };
    }
}
