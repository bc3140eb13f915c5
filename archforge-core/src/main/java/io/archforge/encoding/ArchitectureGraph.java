package io.archforge.encoding;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One cell of an architecture as a directed acyclic graph with labelled nodes, the
 * form that graph encodings and graph neural network predictors read.
 *
 * <p>Nodes are numbered in topological order, so every edge {@code i -> j} has
 * {@code i < j}. A node is labelled {@value #INPUT}, {@value #OUTPUT} or with the
 * operation it applies. Operations that sit on edges in a space's own description,
 * as in NAS-Bench-201 and DARTS cells, become nodes here, so every space shares one
 * form.
 *
 * @param labels the label of each node
 * @param adjacency {@code adjacency[i][j]} is true when node {@code i} feeds node {@code j}
 */
public record ArchitectureGraph(List<String> labels, boolean[][] adjacency) {

    /** The label of a node that receives the cell's input. */
    public static final String INPUT = "input";
    /** The label of the node that returns the cell's output. */
    public static final String OUTPUT = "output";

    public ArchitectureGraph {
        labels = List.copyOf(labels);
        Objects.requireNonNull(adjacency, "adjacency");
        int n = labels.size();
        if (adjacency.length != n) {
            throw new IllegalArgumentException("graph has " + n + " labels but "
                    + adjacency.length + " adjacency rows");
        }
        boolean[][] copy = new boolean[n][];
        for (int i = 0; i < n; i++) {
            if (adjacency[i].length != n) {
                throw new IllegalArgumentException("adjacency row " + i + " has "
                        + adjacency[i].length + " entries; expected " + n);
            }
            for (int j = 0; j <= i; j++) {
                if (adjacency[i][j]) {
                    throw new IllegalArgumentException("edge " + i + " -> " + j
                            + " breaks the topological order; edges must go from lower to higher nodes");
                }
            }
            copy[i] = adjacency[i].clone();
        }
        adjacency = copy;
    }

    /** The number of nodes. */
    public int size() {
        return labels.size();
    }

    /** Whether node {@code from} feeds node {@code to}. */
    public boolean hasEdge(int from, int to) {
        return adjacency[from][to];
    }

    /** The adjacency matrix, as a copy. */
    @Override
    public boolean[][] adjacency() {
        boolean[][] copy = new boolean[adjacency.length][];
        for (int i = 0; i < adjacency.length; i++) {
            copy[i] = adjacency[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArchitectureGraph graph && labels.equals(graph.labels)
                && Arrays.deepEquals(adjacency, graph.adjacency);
    }

    @Override
    public int hashCode() {
        return 31 * labels.hashCode() + Arrays.deepHashCode(adjacency);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ArchitectureGraph[");
        for (int i = 0; i < labels.size(); i++) {
            text.append(i).append(':').append(labels.get(i));
            for (int j = i + 1; j < labels.size(); j++) {
                if (adjacency[i][j]) {
                    text.append(" ->").append(j);
                }
            }
            text.append(i + 1 < labels.size() ? ", " : "]");
        }
        return text.toString();
    }
}
