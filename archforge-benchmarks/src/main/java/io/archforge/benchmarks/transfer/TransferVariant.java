package io.archforge.benchmarks.transfer;

import java.util.Arrays;
import java.util.List;

/** The knowledge a target study of the transfer benchmark starts from. */
public enum TransferVariant {
    /** Nothing: a cold start. */
    COLD("cold"),
    /** A finished study of the source data set. */
    WARM("warm"),
    /**
     * A finished study of the source data set whose table was shuffled across cells
     * before the search, so its ranking carries no information about any task.
     */
    MISLEADING("misleading"),
    /** Both the finished study and the misleading one. */
    BOTH("both");

    private final String id;

    TransferVariant(String id) {
        this.id = id;
    }

    /** Returns the name given to {@code --variants}. */
    public String id() {
        return id;
    }

    /**
     * Parses a name.
     *
     * @throws IllegalArgumentException naming the valid variants
     */
    public static TransferVariant parse(String name) {
        return Arrays.stream(values()).filter(v -> v.id.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown transfer variant '"
                        + name + "'; valid variants are " + names()));
    }

    /** Returns the valid names. */
    public static List<String> names() {
        return Arrays.stream(values()).map(TransferVariant::id).toList();
    }

    @Override
    public String toString() {
        return id;
    }
}
