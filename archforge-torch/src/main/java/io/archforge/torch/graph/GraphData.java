package io.archforge.torch.graph;

import java.util.Arrays;
import java.util.Objects;

/**
 * A graph for node classification: sparse binary node features, a label and a split
 * per node, and undirected edges. Instances are immutable: the accessors return copies.
 *
 * <p>Nodes are numbered {@code 0 .. nodes-1}. Label -1 marks an unlabelled node, which
 * must be in no split. Each undirected edge is stored once, in either direction, and
 * message passing uses it both ways.
 */
public final class GraphData {

    private final String source;
    private final int features;
    private final int classes;
    private final int[] labels;
    private final NodeSplit[] splits;
    private final int[][] featureIndices;
    private final int[] edgeSources;
    private final int[] edgeTargets;

    /**
     * Creates a graph and checks that every index is in range.
     *
     * @param source where the graph came from, for messages and provenance
     * @param features the number of features per node
     * @param classes the number of classes
     * @param labels the label of each node, from 0, or -1 when unlabelled
     * @param splits the split of each node
     * @param featureIndices for each node, the indices of its features that are 1
     * @param edgeSources the first node of each undirected edge
     * @param edgeTargets the second node of each undirected edge
     * @throws IllegalArgumentException when a count or an index is out of range
     */
    public GraphData(String source, int features, int classes, int[] labels,
            NodeSplit[] splits, int[][] featureIndices, int[] edgeSources, int[] edgeTargets) {
        this.source = Objects.requireNonNull(source, "source");
        this.features = features;
        this.classes = classes;
        this.labels = labels.clone();
        this.splits = splits.clone();
        this.featureIndices = deepCopy(featureIndices);
        this.edgeSources = edgeSources.clone();
        this.edgeTargets = edgeTargets.clone();
        check();
    }

    private void check() {
        int nodes = labels.length;
        if (nodes == 0 || features < 1 || classes < 2) {
            throw new IllegalArgumentException(source + ": a graph needs nodes, features and"
                    + " two or more classes; got " + nodes + " nodes, " + features
                    + " features, " + classes + " classes");
        }
        if (splits.length != nodes || featureIndices.length != nodes) {
            throw new IllegalArgumentException(source + ": " + nodes + " labels, "
                    + splits.length + " splits and " + featureIndices.length
                    + " feature lists; each node needs one of each");
        }
        if (edgeSources.length != edgeTargets.length) {
            throw new IllegalArgumentException(source + ": " + edgeSources.length
                    + " edge sources but " + edgeTargets.length + " edge targets");
        }
        for (int node = 0; node < nodes; node++) {
            checkNode(node);
        }
        for (int edge = 0; edge < edgeSources.length; edge++) {
            if (outside(edgeSources[edge], nodes) || outside(edgeTargets[edge], nodes)) {
                throw new IllegalArgumentException(source + ": edge " + edge + " ("
                        + edgeSources[edge] + ", " + edgeTargets[edge]
                        + ") names a node outside 0.." + (nodes - 1));
            }
        }
    }

    private void checkNode(int node) {
        int label = labels[node];
        Objects.requireNonNull(splits[node], "split");
        if (label < -1 || label >= classes) {
            throw new IllegalArgumentException(source + ": node " + node + " has label "
                    + label + ", outside -1.." + (classes - 1));
        }
        if (label < 0 && splits[node] != NodeSplit.NONE) {
            throw new IllegalArgumentException(source + ": node " + node
                    + " is unlabelled but in split " + splits[node].key());
        }
        for (int feature : featureIndices[node]) {
            if (outside(feature, features)) {
                throw new IllegalArgumentException(source + ": node " + node
                        + " has feature index " + feature + ", outside 0.." + (features - 1));
            }
        }
    }

    private static boolean outside(int index, int size) {
        return index < 0 || index >= size;
    }

    private static int[][] deepCopy(int[][] rows) {
        int[][] copy = new int[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    /** Returns where the graph came from, such as {@code cora (bundled)}. */
    public String source() {
        return source;
    }

    /** Returns the number of nodes. */
    public int nodes() {
        return labels.length;
    }

    /** Returns the number of features per node. */
    public int features() {
        return features;
    }

    /** Returns the number of classes. */
    public int classes() {
        return classes;
    }

    /** Returns the number of undirected edges. */
    public int edges() {
        return edgeSources.length;
    }

    /** Returns the label of each node, -1 when unlabelled. */
    public int[] labels() {
        return labels.clone();
    }

    /** Returns the split of each node. */
    public NodeSplit[] splits() {
        return splits.clone();
    }

    /** Returns the indices of the features that are 1, for each node. */
    public int[][] featureIndices() {
        return deepCopy(featureIndices);
    }

    /** Returns the first node of each undirected edge. */
    public int[] edgeSources() {
        return edgeSources.clone();
    }

    /** Returns the second node of each undirected edge. */
    public int[] edgeTargets() {
        return edgeTargets.clone();
    }

    /** Returns the nodes of {@code split}, in increasing order. */
    public int[] nodesOf(NodeSplit split) {
        return java.util.stream.IntStream.range(0, nodes())
                .filter(node -> splits[node] == split).toArray();
    }

    @Override
    public String toString() {
        return source + ": " + nodes() + " nodes, " + features + " features, " + classes
                + " classes, " + edges() + " edges, split "
                + Arrays.toString(new int[] {nodesOf(NodeSplit.TRAIN).length,
                    nodesOf(NodeSplit.VALID).length, nodesOf(NodeSplit.TEST).length});
    }
}
