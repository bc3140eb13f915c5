package io.archforge.encoding;

import io.archforge.space.Architecture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The adjacency one-hot encoding of a {@link GraphForm}, as in White et al., "How
 * Powerful are Performance Predictors in Neural Architecture Search?" (NeurIPS 2021):
 * per cell, the upper triangle of the adjacency matrix padded to
 * {@link GraphForm#maxNodes()} nodes, row by row, then one indicator per node and
 * node label. Padding nodes have no edges and no label.
 *
 * <p>A cell with {@code n} nodes and {@code l} labels takes {@code n(n-1)/2 + n*l}
 * features: 28 + 8 * 6 = 76 for NAS-Bench-201.
 */
public final class AdjacencyEncoder implements Encoder {

    private final GraphForm form;
    private final Map<String, Integer> labelIndex = new HashMap<>();
    private final int labels;
    private final int cellFeatures;

    public AdjacencyEncoder(GraphForm form) {
        this.form = Objects.requireNonNull(form, "form");
        List<String> nodeLabels = form.nodeLabels();
        for (int i = 0; i < nodeLabels.size(); i++) {
            labelIndex.put(nodeLabels.get(i), i);
        }
        this.labels = nodeLabels.size();
        int n = form.maxNodes();
        this.cellFeatures = n * (n - 1) / 2 + n * labels;
    }

    @Override
    public int dimension() {
        return cellFeatures * form.cells();
    }

    @Override
    public double[] encode(Architecture architecture) {
        double[] features = new double[dimension()];
        List<ArchitectureGraph> graphs = form.graphs(architecture);
        int n = form.maxNodes();
        for (int cell = 0; cell < graphs.size(); cell++) {
            ArchitectureGraph graph = graphs.get(cell);
            int offset = cell * cellFeatures;
            int position = offset;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (i < graph.size() && j < graph.size() && graph.hasEdge(i, j)) {
                        features[position] = 1;
                    }
                    position++;
                }
            }
            for (int node = 0; node < graph.size(); node++) {
                features[position + node * labels + labelIndex.get(graph.labels().get(node))] = 1;
            }
        }
        return features;
    }
}
