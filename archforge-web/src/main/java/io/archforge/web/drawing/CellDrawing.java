package io.archforge.web.drawing;

import java.util.List;
import java.util.Objects;

/**
 * One cell of an architecture as nodes and edges, with the layout the page draws it in.
 *
 * @param name the cell's name, such as {@code cell}, {@code normal} or {@code network}
 * @param layout how to place the nodes
 * @param nodes the nodes, ids 0 to {@code nodes.size() - 1} in order
 * @param edges the edges between them
 */
public record CellDrawing(String name, Layout layout, List<DrawnNode> nodes,
        List<DrawnEdge> edges) {

    /** The placement of a cell's nodes. */
    public enum Layout {
        /**
         * A directed acyclic graph: nodes in a row in topological order, edges between
         * neighbours straight and longer edges as arcs.
         */
        DAG,
        /** A chain: a row of blocks, each feeding the next. */
        CHAIN
    }

    public CellDrawing {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layout, "layout");
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id() != i) {
                throw new IllegalArgumentException("node " + i + " of cell '" + name
                        + "' has id " + nodes.get(i).id() + "; ids must be 0 to n-1 in order");
            }
        }
        for (DrawnEdge edge : edges) {
            if (edge.to() >= nodes.size()) {
                throw new IllegalArgumentException("edge " + edge.from() + " -> " + edge.to()
                        + " of cell '" + name + "' enters a missing node; the cell has "
                        + nodes.size() + " nodes");
            }
        }
    }
}
