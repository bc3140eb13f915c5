package io.archforge.torch.predict;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.archforge.encoding.ArchitectureGraph;
import io.archforge.encoding.GraphForm;
import io.archforge.space.Architecture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Architectures of one graph form as padded arrays, the input of {@link GcnNetwork}.
 *
 * <p>Every cell graph is padded to the form's {@link GraphForm#maxNodes()} nodes. A
 * node's features are the one-hot code of its label among {@link
 * GraphForm#nodeLabels()}. Padding nodes have zero features, zero propagation rows and
 * a zero mask, so no real node reads them and pooling skips them.
 *
 * <p>Each cell has two propagation matrices, both with self loops and normalised by
 * rows. Row {@code j} of the predecessor matrix averages node {@code j} and the nodes
 * that feed it. Row {@code i} of the successor matrix averages node {@code i} and the
 * nodes it feeds. Normalising by rows makes each node average its inputs whatever its
 * fan-in, which varies between the nodes of a directed cell. The symmetric normalisation of Kipf and Welling, "Semi-Supervised Classification with
 * Graph Convolutional Networks" (ICLR 2017), is made for undirected graphs.
 */
final class GraphBatch {

    private final int size;
    private final int cells;
    private final int nodes;
    private final int labels;
    private final float[] features;
    private final float[] fromPredecessors;
    private final float[] fromSuccessors;
    private final float[] mask;

    private GraphBatch(int size, int cells, int nodes, int labels) {
        this.size = size;
        this.cells = cells;
        this.nodes = nodes;
        this.labels = labels;
        int graphs = size * cells;
        this.features = new float[graphs * nodes * labels];
        this.fromPredecessors = new float[graphs * nodes * nodes];
        this.fromSuccessors = new float[graphs * nodes * nodes];
        this.mask = new float[graphs * nodes];
    }

    /**
     * Encodes {@code architectures} in the graph form {@code form}.
     *
     * @throws IllegalArgumentException when an architecture is from another space
     * @throws IllegalStateException when the form breaks its own contract: a wrong
     *     number of cells, too many nodes or an unknown label
     */
    static GraphBatch of(GraphForm form, List<Architecture> architectures) {
        Map<String, Integer> labelIndex = new HashMap<>();
        List<String> nodeLabels = form.nodeLabels();
        for (int i = 0; i < nodeLabels.size(); i++) {
            labelIndex.put(nodeLabels.get(i), i);
        }
        GraphBatch batch = new GraphBatch(architectures.size(), form.cells(), form.maxNodes(),
                nodeLabels.size());
        for (int a = 0; a < architectures.size(); a++) {
            List<ArchitectureGraph> graphs = form.graphs(architectures.get(a));
            if (graphs.size() != form.cells()) {
                throw new IllegalStateException("graph form of space '" + form.space().name()
                        + "' returned " + graphs.size() + " graphs, but declares "
                        + form.cells() + " cells");
            }
            for (int c = 0; c < graphs.size(); c++) {
                batch.put(a * form.cells() + c, graphs.get(c), labelIndex);
            }
        }
        return batch;
    }

    /** Returns the number of architectures. */
    int size() {
        return size;
    }

    /** Returns the number of cell graphs per architecture. */
    int cells() {
        return cells;
    }

    /** Returns the number of nodes of every padded graph. */
    int nodes() {
        return nodes;
    }

    /** Returns the number of node labels, the length of a node's features. */
    int labels() {
        return labels;
    }

    /** Creates the arrays of architectures {@code from} (inclusive) to {@code to}. */
    NDList arrays(NDManager manager, int from, int to) {
        int[] rows = new int[to - from];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = from + i;
        }
        return arrays(manager, rows);
    }

    /**
     * Creates the arrays of the architectures at {@code rows}, in that order, in
     * {@code manager}: features [batch, cells, nodes, labels], predecessor and successor
     * matrices [batch, cells, nodes, nodes], and the node mask [batch, cells, nodes].
     */
    NDList arrays(NDManager manager, int[] rows) {
        int batch = rows.length;
        return new NDList(
                manager.create(gather(features, rows, cells * nodes * labels),
                        new Shape(batch, cells, nodes, labels)),
                manager.create(gather(fromPredecessors, rows, cells * nodes * nodes),
                        new Shape(batch, cells, nodes, nodes)),
                manager.create(gather(fromSuccessors, rows, cells * nodes * nodes),
                        new Shape(batch, cells, nodes, nodes)),
                manager.create(gather(mask, rows, cells * nodes),
                        new Shape(batch, cells, nodes)));
    }

    private static float[] gather(float[] source, int[] rows, int stride) {
        float[] target = new float[rows.length * stride];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(source, rows[i] * stride, target, i * stride, stride);
        }
        return target;
    }

    private void put(int graphIndex, ArchitectureGraph graph, Map<String, Integer> labelIndex) {
        int n = graph.size();
        if (n < 1 || n > nodes) {
            throw new IllegalStateException("cell graph has " + n
                    + " nodes; its graph form allows 1 to " + nodes);
        }
        boolean[][] adjacency = graph.adjacency();
        int nodeBase = graphIndex * nodes;
        int matrixBase = graphIndex * nodes * nodes;
        for (int i = 0; i < n; i++) {
            Integer label = labelIndex.get(graph.labels().get(i));
            if (label == null) {
                throw new IllegalStateException("node label '" + graph.labels().get(i)
                        + "' is not among the graph form's labels " + labelIndex.keySet());
            }
            features[(nodeBase + i) * labels + label] = 1;
            mask[nodeBase + i] = 1;
        }
        for (int i = 0; i < n; i++) {
            int fedBy = 1;
            int feeds = 1;
            for (int k = 0; k < n; k++) {
                fedBy += adjacency[k][i] ? 1 : 0;
                feeds += adjacency[i][k] ? 1 : 0;
            }
            for (int k = 0; k < n; k++) {
                int index = matrixBase + i * nodes + k;
                if (k == i || adjacency[k][i]) {
                    fromPredecessors[index] = 1f / fedBy;
                }
                if (k == i || adjacency[i][k]) {
                    fromSuccessors[index] = 1f / feeds;
                }
            }
        }
    }
}
