package io.archforge.web.drawing;

import java.util.Objects;

/**
 * One directed edge of a drawn cell.
 *
 * @param from the id of the node it leaves
 * @param to the id of the node it enters, greater than {@code from}
 * @param label the operation on the edge, or an empty string for a plain connection
 * @param inactive whether the edge carries the zero operation, so that no data passes it
 */
public record DrawnEdge(int from, int to, String label, boolean inactive) {

    public DrawnEdge {
        Objects.requireNonNull(label, "label");
        if (from < 0 || to <= from) {
            throw new IllegalArgumentException("a drawn edge needs 0 <= from < to, got "
                    + from + " -> " + to);
        }
    }
}
