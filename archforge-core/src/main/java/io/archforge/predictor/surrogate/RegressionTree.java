package io.archforge.predictor.surrogate;

/**
 * A fitted binary regression tree stored as parallel node arrays, node 0 the root.
 * An input goes left at a node when its value of the node's feature is at most the
 * node's threshold. Instances are immutable.
 */
final class RegressionTree {

    /** The value of {@link #features} at a leaf. */
    static final int LEAF = -1;

    private final int[] features;
    private final double[] thresholds;
    private final int[] lefts;
    private final int[] rights;
    private final double[] values;

    /**
     * Creates a tree from its node arrays, which it keeps without copying; the caller
     * must not change them afterwards.
     */
    RegressionTree(int[] features, double[] thresholds, int[] lefts, int[] rights,
            double[] values) {
        this.features = features;
        this.thresholds = thresholds;
        this.lefts = lefts;
        this.rights = rights;
        this.values = values;
    }

    /** Follows {@code input} down to its leaf and returns the leaf's mean training target. */
    double predict(double[] input) {
        int node = 0;
        while (features[node] != LEAF) {
            node = input[features[node]] <= thresholds[node] ? lefts[node] : rights[node];
        }
        return values[node];
    }

    /** Returns the number of nodes, leaves included. */
    int nodeCount() {
        return features.length;
    }

    /** Returns the feature that the root splits on, or {@link #LEAF} when the root is a leaf. */
    int rootFeature() {
        return features[0];
    }
}
