package io.archforge.torch.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.ThreadGradientCollector;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MessagePassingTest {

    private static final int NODES = 6;
    private static final int WIDTH = 3;
    /** Undirected edges of a small graph; node 5 is isolated. */
    private static final int[][] EDGES = {{0, 1}, {0, 2}, {1, 2}, {2, 3}, {3, 4}};

    @Test
    void sumEqualsDenseAdjacencyProduct() {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            GraphTensors graph = GraphTensors.of(graph(), manager);
            float[] x = features();
            EdgeSet edges = graph.neighbours();
            NDArray input = manager.create(x, new Shape(NODES, WIDTH));

            float[] sum = edges.sum(edges.gatherSources(input)).toFloatArray();
            float[] mean = edges.aggregate(input, Aggregation.MEAN).toFloatArray();
            float[] max = edges.aggregate(input, Aggregation.MAX).toFloatArray();
            float[] product = edges.aggregate(input, Aggregation.SUM).toFloatArray();

            double[][] adjacency = adjacency();
            for (int node = 0; node < NODES; node++) {
                int degree = degree(adjacency, node);
                for (int f = 0; f < WIDTH; f++) {
                    double expected = 0;
                    double largest = degree == 0 ? 0 : Double.NEGATIVE_INFINITY;
                    for (int other = 0; other < NODES; other++) {
                        expected += adjacency[node][other] * x[other * WIDTH + f];
                        if (adjacency[node][other] > 0) {
                            largest = Math.max(largest, x[other * WIDTH + f]);
                        }
                    }
                    int at = node * WIDTH + f;
                    assertThat((double) sum[at]).as("sum %d,%d", node, f)
                            .isCloseTo(expected, within(1e-5));
                    assertThat((double) product[at]).as("sparse sum %d,%d", node, f)
                            .isCloseTo(expected, within(1e-5));
                    assertThat((double) mean[at]).as("mean %d,%d", node, f)
                            .isCloseTo(degree == 0 ? 0 : expected / degree, within(1e-5));
                    assertThat((double) max[at]).as("max %d,%d", node, f)
                            .isCloseTo(largest, within(1e-6));
                }
            }
        }
    }

    @Test
    void gcnWeightsEqualNormalizedAdjacency() {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            GraphTensors graph = GraphTensors.of(graph(), manager);
            float[] x = features();
            EdgeSet edges = graph.withSelfLoops();
            NDArray input = manager.create(x, new Shape(NODES, WIDTH));

            float[] propagated = edges.propagate(graph.gcnAdjacency(), input).toFloatArray();

            double[][] adjacency = adjacency();
            for (int node = 0; node < NODES; node++) {
                adjacency[node][node] = 1;
            }
            for (int node = 0; node < NODES; node++) {
                for (int f = 0; f < WIDTH; f++) {
                    double expected = 0;
                    for (int other = 0; other < NODES; other++) {
                        expected += adjacency[node][other] * x[other * WIDTH + f]
                                / Math.sqrt(degree(adjacency, node) * degree(adjacency, other));
                    }
                    assertThat((double) propagated[node * WIDTH + f])
                            .isCloseTo(expected, within(1e-5));
                }
            }
        }
    }

    @Test
    void sumGradientEqualsDegree() {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            GraphTensors graph = GraphTensors.of(graph(), manager);
            EdgeSet edges = graph.neighbours();
            float[] gradient;
            try (ThreadGradientCollector collector = new ThreadGradientCollector()) {
                NDArray input = manager.create(features(), new Shape(NODES, WIDTH));
                input.setRequiresGradient(true);
                collector.backward(edges.sum(edges.gatherSources(input)).sum());
                gradient = input.getGradient().toFloatArray();
            }

            double[][] adjacency = adjacency();
            for (int node = 0; node < NODES; node++) {
                assertThat((double) gradient[node * WIDTH])
                        .isCloseTo(degree(adjacency, node), within(1e-6));
            }
        }
    }

    @Test
    void softmaxSumsToOnePerNode() {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            GraphTensors graph = GraphTensors.of(graph(), manager);
            EdgeSet edges = graph.withSelfLoops();
            float[] scores = new float[edges.size() * 2];
            SplittableRandom random = new SplittableRandom(3);
            for (int i = 0; i < scores.length; i++) {
                scores[i] = (float) (random.nextDouble() * 200 - 100);
            }

            NDArray weights = edges.softmax(manager.create(scores, new Shape(edges.size(), 2)));
            float[] totals = edges.sum(weights).toFloatArray();

            for (float total : totals) {
                assertThat((double) total).isCloseTo(1, within(1e-5));
            }
        }
    }

    private static GraphData graph() {
        int[] labels = {0, 1, 0, 1, 0, 1};
        NodeSplit[] splits = new NodeSplit[NODES];
        java.util.Arrays.fill(splits, NodeSplit.TRAIN);
        int[][] features = new int[NODES][];
        for (int node = 0; node < NODES; node++) {
            features[node] = new int[] {node % 2};
        }
        int[] sources = new int[EDGES.length];
        int[] targets = new int[EDGES.length];
        for (int i = 0; i < EDGES.length; i++) {
            sources[i] = EDGES[i][0];
            targets[i] = EDGES[i][1];
        }
        return new GraphData("test graph", 2, 2, labels, splits, features, sources, targets);
    }

    private static float[] features() {
        SplittableRandom random = new SplittableRandom(7);
        float[] x = new float[NODES * WIDTH];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextDouble() * 4 - 2);
        }
        return x;
    }

    private static double[][] adjacency() {
        double[][] adjacency = new double[NODES][NODES];
        for (int[] edge : EDGES) {
            adjacency[edge[0]][edge[1]] = 1;
            adjacency[edge[1]][edge[0]] = 1;
        }
        return adjacency;
    }

    private static int degree(double[][] adjacency, int node) {
        int degree = 0;
        for (double value : adjacency[node]) {
            degree += (int) value;
        }
        return degree;
    }
}
