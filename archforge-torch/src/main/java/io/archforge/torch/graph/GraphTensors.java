package io.archforge.torch.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A {@link GraphData} as arrays for full-batch training: the row-normalised node
 * features as a sparse matrix, and the directed edges in two sets.
 * {@link #neighbours()} has each undirected edge in both directions, without
 * self-loops and duplicates. {@link #withSelfLoops()} adds one self-loop per node.
 *
 * <p>Edge-weight matrices: {@link #gcnAdjacency()} has {@code 1 / sqrt(d(s) d(t))}
 * over {@link #withSelfLoops()} with degrees counting the self-loop, the propagation of
 * Kipf and Welling's GCN (ICLR 2017). {@link #normalizedAdjacency()} is the same over
 * {@link #neighbours()} with plain degrees, the normalised adjacency that the Chebyshev
 * and ARMA layers use. All arrays belong to the manager given to {@link #of}.
 */
public final class GraphTensors {

    private final GraphData graph;
    private final NDArray features;
    private final long[][] featurePositions;
    private final float[] featureValues;
    private final EdgeSet neighbours;
    private final EdgeSet withSelfLoops;
    private final NDArray gcnAdjacency;
    private final NDArray normalizedAdjacency;

    private GraphTensors(GraphData graph, NDManager manager, EdgeSet neighbours,
            EdgeSet withSelfLoops, NDArray gcnAdjacency, NDArray normalizedAdjacency) {
        this.graph = graph;
        int[][] indices = graph.featureIndices();
        int count = Arrays.stream(indices).mapToInt(row -> row.length).sum();
        this.featurePositions = new long[2][count];
        this.featureValues = new float[count];
        int at = 0;
        for (int node = 0; node < indices.length; node++) {
            for (int feature : indices[node]) {
                featurePositions[0][at] = node;
                featurePositions[1][at] = feature;
                featureValues[at++] = 1f / indices[node].length;
            }
        }
        this.features = sparseFeatures(manager, featurePositions, featureValues);
        this.neighbours = neighbours;
        this.withSelfLoops = withSelfLoops;
        this.gcnAdjacency = gcnAdjacency;
        this.normalizedAdjacency = normalizedAdjacency;
    }

    /** Creates the arrays of {@code graph} in {@code manager}. */
    public static GraphTensors of(GraphData graph, NDManager manager) {
        int nodes = graph.nodes();
        long[] pairs = directedPairs(graph);
        int[] sources = new int[pairs.length];
        int[] targets = new int[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            sources[i] = (int) (pairs[i] / nodes);
            targets[i] = (int) (pairs[i] % nodes);
        }
        EdgeSet neighbours = new EdgeSet(manager, nodes, sources, targets);
        int[] loopSources = Arrays.copyOf(sources, sources.length + nodes);
        int[] loopTargets = Arrays.copyOf(targets, targets.length + nodes);
        for (int node = 0; node < nodes; node++) {
            loopSources[sources.length + node] = node;
            loopTargets[targets.length + node] = node;
        }
        EdgeSet withSelfLoops = new EdgeSet(manager, nodes, loopSources, loopTargets);
        return new GraphTensors(graph, manager, neighbours, withSelfLoops,
                symmetricWeights(withSelfLoops, manager),
                symmetricWeights(neighbours, manager));
    }

    /** Returns each edge in both directions as {@code source * nodes + target}, sorted. */
    private static long[] directedPairs(GraphData graph) {
        int nodes = graph.nodes();
        int[] first = graph.edgeSources();
        int[] second = graph.edgeTargets();
        Set<Long> pairs = new LinkedHashSet<>();
        for (int edge = 0; edge < first.length; edge++) {
            if (first[edge] != second[edge]) {
                pairs.add((long) first[edge] * nodes + second[edge]);
                pairs.add((long) second[edge] * nodes + first[edge]);
            }
        }
        return pairs.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Returns the sparse features [nodes, features] with the given non-zero entries. */
    private NDArray sparseFeatures(NDManager manager, long[][] positions, float[] values) {
        return OwnedArrays.owned(manager.createCoo(FloatBuffer.wrap(values), positions,
                new Shape(graph.nodes(), graph.features())));
    }

    private static NDArray symmetricWeights(EdgeSet edges, NDManager manager) {
        int[] degree = new int[edges.nodes()];
        int[] targets = edges.targets();
        int[] sources = edges.sources();
        for (int target : targets) {
            degree[target]++;
        }
        float[] weights = new float[targets.length];
        for (int edge = 0; edge < targets.length; edge++) {
            weights[edge] = (float) (1.0 / Math.sqrt((double) degree[sources[edge]]
                    * degree[targets[edge]]));
        }
        return edges.matrix(manager, weights);
    }

    /** Returns the graph these arrays came from. */
    public GraphData graph() {
        return graph;
    }

    /**
     * Returns the features times {@code weight} [features, width]: [nodes, width],
     * attached to {@code step}. With a positive {@code dropout} each non-zero feature is
     * dropped at that rate and the rest scaled up by {@code 1 / (1 - dropout)}, the
     * sparse form of dropout on the input.
     */
    public NDArray project(NDArray weight, NDManager step, double dropout,
            SplittableRandom random) {
        NDArray input = features;
        if (dropout > 0) {
            input = droppedFeatures(step, dropout, random);
        }
        NDArray product = input.matMul(weight);
        product.attach(step);
        return product;
    }

    private NDArray droppedFeatures(NDManager step, double dropout, SplittableRandom random) {
        int count = featureValues.length;
        long[][] positions = new long[2][count];
        float[] values = new float[count];
        float scale = (float) (1 / (1 - dropout));
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (random.nextDouble() >= dropout) {
                positions[0][kept] = featurePositions[0][i];
                positions[1][kept] = featurePositions[1][i];
                values[kept++] = featureValues[i] * scale;
            }
        }
        long[][] survivingPositions = {Arrays.copyOf(positions[0], kept),
            Arrays.copyOf(positions[1], kept)};
        return sparseFeatures(step, survivingPositions, Arrays.copyOf(values, kept));
    }

    /** Returns the edges in both directions, without self-loops. */
    public EdgeSet neighbours() {
        return neighbours;
    }

    /** Returns the edges in both directions plus one self-loop per node. */
    public EdgeSet withSelfLoops() {
        return withSelfLoops;
    }

    /** Returns the GCN propagation matrix over {@link #withSelfLoops()}. */
    public NDArray gcnAdjacency() {
        return gcnAdjacency;
    }

    /** Returns the normalised adjacency over {@link #neighbours()}. */
    public NDArray normalizedAdjacency() {
        return normalizedAdjacency;
    }
}
