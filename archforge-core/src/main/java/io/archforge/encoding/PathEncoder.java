package io.archforge.encoding;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The path encoding of White, Neiswanger and Savani, "BANANAS: Bayesian Optimization
 * with Neural Architectures for Neural Architecture Search" (AAAI 2021), over the
 * {@link GraphForm} of any space.
 *
 * <p>A path runs from an input node to the output node and is labelled by the
 * operations of the nodes it passes. There is one feature per possible label, 1 when
 * at least one path of the cell has that label and 0 otherwise. With {@code k}
 * operations and paths of {@code min} to {@code max} operations there are
 * {@code k^min + ... + k^max} features per cell, and an architecture with several
 * cells gets the features of each in turn. A NAS-Bench-201 cell, whose zero edges
 * break paths, has 4 + 16 + 64 = 84. Features are ordered by cell, by label length,
 * then by the labels as base-{@code k} numbers with operations numbered in the form's
 * order.
 *
 * <p>The encoding depends only on the set of path labels, so cells that differ only
 * in nodes that lie on no complete path, or in the order of parallel paths, get
 * equal encodings.
 */
public final class PathEncoder implements Encoder {

    /** The largest feature count this encoder accepts. */
    public static final int MAX_FEATURES = 100_000;

    private final GraphForm form;
    private final Map<String, Integer> digits = new HashMap<>();
    private final int base;
    private final int[] lengthOffsets;
    private final int cellFeatures;

    /** Creates the path encoder of a cell space; see {@link #PathEncoder(GraphForm)}. */
    public PathEncoder(CellSpace space) {
        this(new CellGraphForm(space));
    }

    /**
     * Creates the path encoder of {@code form}.
     *
     * @throws IllegalArgumentException when the form has more than {@link #MAX_FEATURES}
     *     path features; use {@link OneHotEncoder} or {@link AdjacencyEncoder} for it
     */
    public PathEncoder(GraphForm form) {
        this.form = Objects.requireNonNull(form, "form");
        long count = featureCount(form);
        if (count > MAX_FEATURES) {
            throw new IllegalArgumentException("space '" + form.space().name() + "' has " + count
                    + " path features, over the maximum " + MAX_FEATURES
                    + "; use the one_hot or adjacency encoding for it");
        }
        List<String> operations = form.operations();
        for (int i = 0; i < operations.size(); i++) {
            digits.put(operations.get(i), i);
        }
        this.base = operations.size();
        int lengths = form.maxPathOperations() - form.minPathOperations() + 1;
        this.lengthOffsets = new int[lengths];
        long offset = 0;
        for (int l = 0; l < lengths; l++) {
            lengthOffsets[l] = (int) offset;
            offset += power(base, form.minPathOperations() + l);
        }
        this.cellFeatures = (int) (count / form.cells());
    }

    /**
     * The number of path features of a cell space; see {@link #featureCount(GraphForm)}.
     */
    public static long featureCount(CellSpace space) {
        return featureCount(new CellGraphForm(space));
    }

    /**
     * The number of path features of {@code form}, {@code cells * (k^min + ... + k^max)},
     * saturating at {@link Long#MAX_VALUE}.
     */
    public static long featureCount(GraphForm form) {
        int base = form.operations().size();
        long total = 0;
        for (int length = form.minPathOperations(); length <= form.maxPathOperations(); length++) {
            long term = power(base, length);
            if (term == Long.MAX_VALUE || total > Long.MAX_VALUE - term) {
                return Long.MAX_VALUE;
            }
            total += term;
        }
        return total > Long.MAX_VALUE / form.cells() ? Long.MAX_VALUE : total * form.cells();
    }

    /** Whether {@code space}'s graph form has at most {@link #MAX_FEATURES} path features. */
    public static boolean fits(SearchSpace space) {
        return featureCount(GraphForms.of(space)) <= MAX_FEATURES;
    }

    private static long power(int base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            if (base != 0 && result > Long.MAX_VALUE / base) {
                return Long.MAX_VALUE;
            }
            result *= base;
        }
        return result;
    }

    @Override
    public int dimension() {
        return cellFeatures * form.cells();
    }

    @Override
    public double[] encode(Architecture architecture) {
        double[] features = new double[dimension()];
        List<ArchitectureGraph> graphs = form.graphs(architecture);
        for (int cell = 0; cell < graphs.size(); cell++) {
            for (List<String> label : paths(graphs.get(cell))) {
                features[cell * cellFeatures + featureIndex(label)] = 1;
            }
        }
        return features;
    }

    /**
     * The operation labels of every path from an input node to the output node of the
     * architecture's cells, one list per path, cell after cell.
     */
    public List<List<String>> paths(Architecture architecture) {
        List<List<String>> paths = new ArrayList<>();
        for (ArchitectureGraph graph : form.graphs(architecture)) {
            paths.addAll(paths(graph));
        }
        return paths;
    }

    private static List<List<String>> paths(ArchitectureGraph graph) {
        List<List<String>> paths = new ArrayList<>();
        for (int node = 0; node < graph.size(); node++) {
            if (graph.labels().get(node).equals(ArchitectureGraph.INPUT)) {
                extend(graph, node, new ArrayList<>(), paths);
            }
        }
        return paths;
    }

    private static void extend(ArchitectureGraph graph, int node, List<String> label,
            List<List<String>> paths) {
        for (int next = node + 1; next < graph.size(); next++) {
            if (!graph.hasEdge(node, next)) {
                continue;
            }
            String nextLabel = graph.labels().get(next);
            if (nextLabel.equals(ArchitectureGraph.OUTPUT)) {
                paths.add(List.copyOf(label));
            } else if (!nextLabel.equals(ArchitectureGraph.INPUT)) {
                label.add(nextLabel);
                extend(graph, next, label, paths);
                label.remove(label.size() - 1);
            }
        }
    }

    private int featureIndex(List<String> label) {
        int length = label.size() - form.minPathOperations();
        if (length < 0 || length >= lengthOffsets.length) {
            throw new IllegalStateException("path " + label + " of space '" + form.space().name()
                    + "' has " + label.size() + " operations; the graph form allows "
                    + form.minPathOperations() + " to " + form.maxPathOperations());
        }
        int index = 0;
        for (String operation : label) {
            index = index * base + digits.get(operation);
        }
        return lengthOffsets[length] + index;
    }
}
