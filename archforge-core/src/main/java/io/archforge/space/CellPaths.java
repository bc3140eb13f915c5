package io.archforge.space;

import io.archforge.space.CellSpace.Edge;
import java.util.List;
import java.util.Set;

/** Queries about the paths through a cell of a {@link CellSpace}. */
public final class CellPaths {

    /** The operation that outputs zeros, which cuts an edge. */
    public static final String NONE = "none";

    /** The operations without weights of the NAS-Bench-201 space. */
    public static final Set<String> PARAMETER_FREE = Set.of("none", "skip_connect",
            "avg_pool_3x3");

    private CellPaths() {
    }

    /**
     * Returns whether the cell's output depends on its input: some path from node 0 to
     * the last node uses no {@code none} edge.
     */
    public static boolean reachesOutput(CellSpace space, Architecture cell) {
        List<Edge> edges = space.edges();
        boolean[] reached = new boolean[space.nodes()];
        reached[0] = true;
        // Edges are ordered by target node, so one pass settles every node.
        for (int k = 0; k < edges.size(); k++) {
            Edge edge = edges.get(k);
            if (reached[edge.from()] && !space.operation(cell, k).equals(NONE)) {
                reached[edge.to()] = true;
            }
        }
        return reached[space.nodes() - 1];
    }

    /**
     * Returns whether some path from the cell's input to its output, none of whose
     * edges is {@code none}, passes at least one operation with weights.
     */
    public static boolean passesWeights(CellSpace space, Architecture cell) {
        List<Edge> edges = space.edges();
        boolean[] reached = new boolean[space.nodes()];
        boolean[] weighted = new boolean[space.nodes()];
        reached[0] = true;
        for (int k = 0; k < edges.size(); k++) {
            Edge edge = edges.get(k);
            String operation = space.operation(cell, k);
            if (!reached[edge.from()] || operation.equals(NONE)) {
                continue;
            }
            reached[edge.to()] = true;
            if (weighted[edge.from()] || !PARAMETER_FREE.contains(operation)) {
                weighted[edge.to()] = true;
            }
        }
        return weighted[space.nodes() - 1];
    }

    /** Counts the edges of the cell whose operation is in {@code operations}. */
    public static int count(CellSpace space, Architecture cell, Set<String> operations) {
        int count = 0;
        for (int k = 0; k < space.edgeCount(); k++) {
            if (operations.contains(space.operation(cell, k))) {
                count++;
            }
        }
        return count;
    }
}
