package io.archforge.torch.graph;

import java.util.Arrays;
import java.util.List;

/** The split a node belongs to in node classification. */
public enum NodeSplit {
    /** Labelled nodes whose labels the loss reads. */
    TRAIN("train"),
    /** Labelled nodes that choose the epoch whose weights are kept. */
    VALID("val"),
    /** Labelled nodes for the final accuracy only. */
    TEST("test"),
    /** Nodes outside every split; their features still pass messages. */
    NONE("none");

    private final String key;

    NodeSplit(String key) {
        this.key = key;
    }

    /** Returns the value of the {@code split} column. An empty field also means {@link #NONE}. */
    public String key() {
        return key;
    }

    /** Returns the valid column values, for error messages. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(NodeSplit::key).toList();
    }

    /**
     * Returns the split whose column value is {@code key}; an empty value is
     * {@link #NONE}.
     *
     * @throws IllegalArgumentException when no split has that value
     */
    public static NodeSplit parse(String key) {
        if (key.isEmpty()) {
            return NONE;
        }
        for (NodeSplit split : values()) {
            if (split.key.equals(key)) {
                return split;
            }
        }
        throw new IllegalArgumentException("unknown split '" + key + "'");
    }
}
