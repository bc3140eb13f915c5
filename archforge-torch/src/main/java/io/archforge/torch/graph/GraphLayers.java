package io.archforge.torch.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/**
 * The layer operations of the NAS-Bench-Graph space, each mapping node features of
 * width {@code w} to width {@code w}, after the PyTorch Geometric layers that the
 * benchmark names. Â is {@link GraphTensors#gcnAdjacency()} over the edges with
 * self-loops, N is {@link GraphTensors#normalizedAdjacency()} over the plain edges, and
 * AGG is the layer's {@link Aggregation} over the plain edges.
 *
 * <ul>
 *   <li>{@code gcn}: {@code Â x W + b} (Kipf and Welling, ICLR 2017).</li>
 *   <li>{@code gat}: two attention heads of width {@code w/2}, concatenated, with
 *       self-loops and LeakyReLU slope 0.2 (Veličković et al., ICLR 2018).</li>
 *   <li>{@code gin}: {@code MLP(x + AGG(x))} with a two-layer MLP, epsilon fixed at 0
 *       (Xu et al., ICLR 2019).</li>
 *   <li>{@code cheb}: Chebyshev filter of order 2, {@code x W0 - N x W1 + b}, with
 *       the largest eigenvalue taken as 2 (Defferrard et al., NeurIPS 2016).</li>
 *   <li>{@code sage}: {@code x W1 + AGG(x) W2 + b} (Hamilton et al., NeurIPS 2017).</li>
 *   <li>{@code arma}: one stack and one iteration, {@code relu(N x W + x V + b)}
 *       (Bianchi et al., IEEE TPAMI 2021).</li>
 *   <li>{@code graph}: {@code x W1 + AGG(x) W2 + b}, the GraphConv of Morris et al.
 *       (AAAI 2019). It has the form of {@code sage}; the two differ in their
 *       standard aggregation, sum here and mean there.</li>
 *   <li>{@code fc}: {@code x W + b}, which ignores the edges.</li>
 *   <li>{@code skip}: the identity.</li>
 * </ul>
 */
public final class GraphLayers {

    /** The attention heads of {@code gat}. */
    public static final int GAT_HEADS = 2;

    private GraphLayers() {
    }

    /**
     * Creates the layer of operation {@code operation} with its parameters under
     * {@code name}.
     *
     * @param aggregation the neighbour aggregation of {@code gin}, {@code sage} and
     *     {@code graph}; the other operations ignore it
     * @throws IllegalArgumentException when the operation is unknown, or the width is odd
     *     for {@code gat}
     */
    public static GraphLayer create(String operation, GnnParameters parameters, String name,
            int width, Aggregation aggregation) {
        return switch (operation) {
            case "gcn" -> new Gcn(new Linear(parameters, name, width, width, true));
            case "gat" -> new Gat(parameters, name, width);
            case "gin" -> new Gin(new Linear(parameters, name + ".mlp1", width, width, true),
                    new Linear(parameters, name + ".mlp2", width, width, true), aggregation);
            case "cheb" -> new Cheb(new Linear(parameters, name + ".order0", width, width, true),
                    new Linear(parameters, name + ".order1", width, width, false));
            case "sage", "graph" -> new RootAndNeighbours(
                    new Linear(parameters, name + ".root", width, width, true),
                    new Linear(parameters, name + ".neighbours", width, width, false),
                    aggregation);
            case "arma" -> new Arma(new Linear(parameters, name + ".propagate", width, width,
                    false), new Linear(parameters, name + ".root", width, width, true));
            case "fc" -> new Dense(new Linear(parameters, name, width, width, true));
            case "skip" -> (x, graph) -> x;
            default -> throw new IllegalArgumentException("unknown graph layer operation '"
                    + operation + "'; valid operations are gcn, gat, gin, cheb, sage, arma,"
                    + " graph, fc, skip");
        };
    }

    private record Gcn(Linear linear) implements GraphLayer {
        @Override
        public NDArray forward(NDArray x, GraphTensors graph) {
            return graph.withSelfLoops().propagate(graph.gcnAdjacency(), linear.apply(x));
        }
    }

    private static final class Gat implements GraphLayer {
        private final NDArray weight;
        private final NDArray sourceAttention;
        private final NDArray targetAttention;
        private final NDArray bias;
        private final int headWidth;

        Gat(GnnParameters parameters, String name, int width) {
            if (width % GAT_HEADS != 0) {
                throw new IllegalArgumentException("gat needs a width divisible by "
                        + GAT_HEADS + ", got " + width);
            }
            headWidth = width / GAT_HEADS;
            weight = parameters.weight(name + ".weight", new Shape(width, width));
            sourceAttention = parameters.weight(name + ".attention.source",
                    new Shape(1, GAT_HEADS, headWidth));
            targetAttention = parameters.weight(name + ".attention.target",
                    new Shape(1, GAT_HEADS, headWidth));
            bias = parameters.bias(name + ".bias", width);
        }

        @Override
        public NDArray forward(NDArray x, GraphTensors graph) {
            EdgeSet edges = graph.withSelfLoops();
            long nodes = x.getShape().get(0);
            NDArray heads = x.matMul(weight).reshape(nodes, GAT_HEADS, headWidth);
            NDArray sourceScores = heads.mul(sourceAttention).sum(new int[] {2});
            NDArray targetScores = heads.mul(targetAttention).sum(new int[] {2});
            NDArray scores = Activation.leakyRelu(edges.gatherSources(sourceScores)
                    .add(edges.gatherTargets(targetScores)), 0.2f);
            NDArray attention = edges.softmax(scores);
            long edgeCount = edges.size();
            NDArray messages = edges.gatherSources(heads)
                    .mul(attention.reshape(edgeCount, GAT_HEADS, 1));
            return edges.sum(messages).reshape(nodes, (long) GAT_HEADS * headWidth).add(bias);
        }
    }

    private record Gin(Linear first, Linear second, Aggregation aggregation)
            implements GraphLayer {
        @Override
        public NDArray forward(NDArray x, GraphTensors graph) {
            NDArray combined = x.add(graph.neighbours().aggregate(x, aggregation));
            return second.apply(Activation.relu(first.apply(combined)));
        }
    }

    private record Cheb(Linear order0, Linear order1) implements GraphLayer {
        @Override
        public NDArray forward(NDArray x, GraphTensors graph) {
            NDArray propagated = graph.neighbours().propagate(graph.normalizedAdjacency(), x);
            return order0.apply(x).sub(order1.apply(propagated));
        }
    }

    private record RootAndNeighbours(Linear root, Linear neighbours, Aggregation aggregation)
            implements GraphLayer {
        @Override
        public NDArray forward(NDArray x, GraphTensors graph) {
            NDArray aggregated = graph.neighbours().aggregate(x, aggregation);
            return root.apply(x).add(neighbours.apply(aggregated));
        }
    }

    private record Arma(Linear propagate, Linear root) implements GraphLayer {
        @Override
        public NDArray forward(NDArray x, GraphTensors graph) {
            NDArray propagated = graph.neighbours().propagate(graph.normalizedAdjacency(),
                    propagate.apply(x));
            return Activation.relu(propagated.add(root.apply(x)));
        }
    }

    private record Dense(Linear linear) implements GraphLayer {
        @Override
        public NDArray forward(NDArray x, GraphTensors graph) {
            return linear.apply(x);
        }
    }
}
