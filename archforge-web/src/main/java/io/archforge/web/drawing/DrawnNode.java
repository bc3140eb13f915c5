package io.archforge.web.drawing;

import java.util.Objects;

/**
 * One node of a drawn cell.
 *
 * @param id the node's index within its cell, in topological order
 * @param label the text inside the node, such as {@code input} or an operation
 * @param detail a second, smaller line of text, or an empty string for none
 */
public record DrawnNode(int id, String label, String detail) {

    public DrawnNode {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(detail, "detail");
    }
}
