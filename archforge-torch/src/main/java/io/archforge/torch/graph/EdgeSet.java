package io.archforge.torch.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Directed edges sorted by target node, with the sparse operations of message passing.
 * They multiply node features by a sparse edge-weight matrix, and reduce node features
 * over each node's incoming edges by sum, mean or maximum. They gather the rows of edge
 * sources or targets, sum per-edge rows per target, and normalise per-edge scores by a
 * softmax over each target's edges.
 *
 * <p>Every sum is a product of a constant sparse COO matrix and a dense array. DJL
 * 0.36 keeps autograd for the dense operand of that product but detaches the values of
 * a sparse array. So weights that need gradients, such as attention, multiply the
 * per-edge rows first, and the product with the incidence matrix [nodes, edges] sums
 * them over each target's edges. A maximum picks, per target and feature, the edge
 * with the largest value on the host and then gathers it, so gradients flow to the
 * chosen edges only.
 *
 * <p>Every array belongs to the manager given at construction, and every result to the
 * manager of the array passed in.
 */
public final class EdgeSet {

    private final int nodes;
    private final int[] sources;
    private final int[] targets;
    private final int[] segmentStarts;
    private final NDArray sourceIndex;
    private final NDArray targetIndex;
    private final NDArray inDegree;
    private final NDArray incidence;
    private final NDArray adjacency;
    private final NDArray meanAdjacency;

    /**
     * Creates an edge set over {@code nodes} nodes from directed edges in any order.
     *
     * @param manager the manager that owns the index arrays
     * @param sources the source node of each edge
     * @param targets the target node of each edge
     */
    public EdgeSet(NDManager manager, int nodes, int[] sources, int[] targets) {
        this.nodes = nodes;

        // Edges in target order, then source order
        Integer[] order = new Integer[sources.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> targets[a] != targets[b]
                ? Integer.compare(targets[a], targets[b]) : Integer.compare(sources[a], sources[b]));
        this.sources = new int[order.length];
        this.targets = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            this.sources[i] = sources[order[i]];
            this.targets[i] = targets[order[i]];
        }

        // Where each target's edges start, and its in-degree
        this.segmentStarts = new int[nodes + 1];
        for (int target : this.targets) {
            segmentStarts[target + 1]++;
        }
        float[] degrees = new float[nodes];
        for (int node = 0; node < nodes; node++) {
            degrees[node] = segmentStarts[node + 1];
            segmentStarts[node + 1] += segmentStarts[node];
        }

        // Index arrays and the constant sparse matrices
        this.sourceIndex = OwnedArrays.owned(manager.create(toLong(this.sources)));
        this.targetIndex = OwnedArrays.owned(manager.create(toLong(this.targets)));
        this.inDegree = OwnedArrays.owned(manager.create(degrees, new Shape(nodes, 1)));
        float[] ones = new float[this.targets.length];
        float[] shares = new float[this.targets.length];
        long[][] incidencePositions = {toLong(this.targets), new long[ones.length]};
        for (int edge = 0; edge < ones.length; edge++) {
            ones[edge] = 1f;
            shares[edge] = 1f / degrees[this.targets[edge]];
            incidencePositions[1][edge] = edge;
        }
        this.adjacency = matrix(manager, ones);
        this.meanAdjacency = matrix(manager, shares);
        this.incidence = OwnedArrays.owned(manager.createCoo(FloatBuffer.wrap(ones),
                incidencePositions, new Shape(nodes, ones.length)));
    }

    /**
     * Returns the sparse matrix [nodes, nodes] with {@code weights[e]} at row target(e)
     * and column source(e), for {@link #propagate}.
     *
     * @param weights one weight per edge, in edge order
     */
    public NDArray matrix(NDManager manager, float[] weights) {
        if (weights.length != sources.length) {
            throw new IllegalArgumentException("invalid weight count " + weights.length
                    + ": need one weight per edge, " + sources.length);
        }
        long[][] indices = {toLong(targets), toLong(sources)};
        return OwnedArrays.owned(manager.createCoo(FloatBuffer.wrap(weights.clone()), indices,
                new Shape(nodes, nodes)));
    }

    /**
     * Returns {@code matrix x}: for each node, the weighted sum of {@code x} [nodes,
     * features] over its incoming edges. The result belongs to the manager of {@code x}.
     *
     * @param matrix a matrix from {@link #matrix}
     */
    public NDArray propagate(NDArray matrix, NDArray x) {
        NDArray product = matrix.matMul(x);
        product.attach(x.getManager());
        return product;
    }

    private static long[] toLong(int[] values) {
        return Arrays.stream(values).asLongStream().toArray();
    }

    /** Returns the number of nodes. */
    public int nodes() {
        return nodes;
    }

    /** Returns the number of directed edges. */
    public int size() {
        return sources.length;
    }

    /** Returns the source node of each edge, in edge order. */
    public int[] sources() {
        return sources.clone();
    }

    /** Returns the target node of each edge, in edge order. */
    public int[] targets() {
        return targets.clone();
    }

    /** Returns the number of edges into each node, as a float column [nodes, 1]. */
    public NDArray inDegree() {
        return inDegree;
    }

    /** Returns the rows of {@code x} [nodes, ...] at each edge's source: [edges, ...]. */
    public NDArray gatherSources(NDArray x) {
        return x.get(new NDIndex("{}", sourceIndex));
    }

    /** Returns the rows of {@code x} [nodes, ...] at each edge's target: [edges, ...]. */
    public NDArray gatherTargets(NDArray x) {
        return x.get(new NDIndex("{}", targetIndex));
    }

    /**
     * Returns, for each node, the reduction of the features {@code x} [nodes, features] of
     * the sources of its incoming edges.
     */
    public NDArray aggregate(NDArray x, Aggregation aggregation) {
        return switch (aggregation) {
            case SUM -> propagate(adjacency, x);
            case MEAN -> propagate(meanAdjacency, x);
            case MAX -> max(gatherSources(x));
        };
    }

    /**
     * Returns the sum of the edge rows {@code messages} [edges, features] or [edges, heads,
     * features] per target: [nodes, ...].
     */
    public NDArray sum(NDArray messages) {
        Shape shape = messages.getShape();
        NDArray rows = messages.reshape(shape.get(0), -1);
        NDArray sums = propagate(incidence, rows);
        return sums.reshape(new Shape(nodes).addAll(shape.slice(1)));
    }

    /**
     * Returns the feature-wise maximum of the edge rows {@code messages} [edges, features]
     * per target, and zero for a target without edges.
     */
    public NDArray max(NDArray messages) {
        int features = (int) messages.getShape().get(1);
        float[] values = messages.toFloatArray();
        long[] chosen = new long[nodes * features];
        int empty = sources.length;
        for (int node = 0; node < nodes; node++) {
            int start = segmentStarts[node];
            int end = segmentStarts[node + 1];
            int row = node * features;
            Arrays.fill(chosen, row, row + features, start < end ? start : empty);
            for (int edge = start + 1; edge < end; edge++) {
                int at = edge * features;
                for (int feature = 0; feature < features; feature++) {
                    int best = (int) chosen[row + feature];
                    if (values[at + feature] > values[best * features + feature]) {
                        chosen[row + feature] = edge;
                    }
                }
            }
        }
        NDManager manager = messages.getManager();
        NDArray padded = NDArrays.concat(new NDList(messages,
                manager.zeros(new Shape(1, features), messages.getDataType())), 0);
        NDArray index = OwnedArrays.owned(manager.create(chosen, new Shape(nodes, features)));
        return padded.gather(index, 0);
    }

    /**
     * Returns the softmax of edge scores {@code scores} [edges, heads] over the edges of
     * each target. The largest score of each target is subtracted first, which leaves
     * the result unchanged and keeps the exponentials finite.
     */
    public NDArray softmax(NDArray scores) {
        int heads = (int) scores.getShape().get(1);
        float[] values = scores.toFloatArray();
        float[] shift = new float[values.length];
        for (int node = 0; node < nodes; node++) {
            for (int head = 0; head < heads; head++) {
                float best = Float.NEGATIVE_INFINITY;
                for (int edge = segmentStarts[node]; edge < segmentStarts[node + 1]; edge++) {
                    best = Math.max(best, values[edge * heads + head]);
                }
                for (int edge = segmentStarts[node]; edge < segmentStarts[node + 1]; edge++) {
                    shift[edge * heads + head] = best;
                }
            }
        }
        NDManager manager = scores.getManager();
        NDArray offsets = OwnedArrays.owned(manager.create(shift, scores.getShape()));
        NDArray exponentials = scores.sub(offsets).exp();
        NDArray totals = gatherTargets(sum(exponentials));
        return exponentials.div(totals);
    }
}
