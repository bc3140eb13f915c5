package io.archforge.encoding;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The path encoding of White, Neiswanger and Savani, "BANANAS: Bayesian Optimization
 * with Neural Architectures for Neural Architecture Search" (AAAI 2021).
 *
 * <p>A path runs from the input node 0 to the output node through edges of
 * increasing node number, and is labelled by the sequence of operations on its
 * edges. An edge with the zero operation breaks every path through it. There is one
 * feature per possible label, 1 when at least one path of the cell has that label
 * and 0 otherwise. With {@code k} operations besides the zero operation and
 * {@code n} nodes, labels have 1 to {@code n - 1} operations, so there are
 * {@code k + k^2 + ... + k^(n-1)} features: 4 + 16 + 64 = 84 for NAS-Bench-201.
 * Features are ordered by label length, then by the labels as base-{@code k}
 * numbers, operations numbered in space order with the zero operation left out.
 *
 * <p>The encoding depends only on the set of path labels, so cells that differ only
 * in edges that lie on no complete path, or in the order of parallel paths, get
 * equal encodings.
 */
public final class PathEncoder implements Encoder {

    /** The largest feature count this encoder accepts. */
    public static final int MAX_FEATURES = 100_000;

    private final CellSpace space;
    private final int zeroIndex;
    private final int labelBase;
    private final int[] lengthOffsets;
    private final int dimension;

    /**
     * Creates the path encoder of {@code space}.
     *
     * @throws IllegalArgumentException when the space has more than
     *     {@link #MAX_FEATURES} path features; use {@link OneHotEncoder} for it
     */
    public PathEncoder(CellSpace space) {
        this.space = Objects.requireNonNull(space, "space");
        long count = featureCount(space);
        if (count > MAX_FEATURES) {
            throw new IllegalArgumentException("cell space '" + space.name() + "' has " + count
                    + " path features, over the maximum " + MAX_FEATURES
                    + "; encode it with OneHotEncoder");
        }
        this.zeroIndex = space.operations().indexOf(space.zeroOperation());
        this.labelBase = space.operations().size() - 1;
        this.lengthOffsets = new int[space.nodes()];
        long offset = 0;
        for (int length = 1; length < space.nodes(); length++) {
            lengthOffsets[length] = (int) offset;
            offset += power(labelBase, length);
        }
        this.dimension = (int) count;
    }

    /**
     * The number of path features of a cell space, {@code k + k^2 + ... + k^(n-1)},
     * saturating at {@link Long#MAX_VALUE}.
     */
    public static long featureCount(CellSpace space) {
        int base = space.operations().size() - 1;
        long total = 0;
        for (int length = 1; length < space.nodes(); length++) {
            long term = power(base, length);
            if (term == Long.MAX_VALUE || total > Long.MAX_VALUE - term) {
                return Long.MAX_VALUE;
            }
            total += term;
        }
        return total;
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
        return dimension;
    }

    @Override
    public double[] encode(Architecture architecture) {
        double[] features = new double[dimension];
        for (List<Integer> label : paths(architecture)) {
            features[featureIndex(label)] = 1;
        }
        return features;
    }

    /**
     * The operation-index labels of every unbroken path from the input to the output
     * node, one list per path.
     */
    public List<List<Integer>> paths(Architecture architecture) {
        // Validates that the architecture belongs to the space.
        space.operation(architecture, 0);
        List<List<Integer>> paths = new ArrayList<>();
        extend(architecture, 0, new ArrayList<>(), paths);
        return paths;
    }

    private void extend(Architecture architecture, int node, List<Integer> label,
            List<List<Integer>> paths) {
        int output = space.nodes() - 1;
        if (node == output) {
            paths.add(List.copyOf(label));
            return;
        }
        for (int next = node + 1; next <= output; next++) {
            int operation = architecture.intGene(edgeIndex(node, next));
            if (operation == zeroIndex) {
                continue;
            }
            label.add(operation);
            extend(architecture, next, label, paths);
            label.remove(label.size() - 1);
        }
    }

    /** The gene index of edge {@code from -> to}: edges are ordered by target, then source. */
    private static int edgeIndex(int from, int to) {
        return to * (to - 1) / 2 + from;
    }

    private int featureIndex(List<Integer> label) {
        int index = 0;
        for (int operation : label) {
            int digit = operation > zeroIndex ? operation - 1 : operation;
            index = index * labelBase + digit;
        }
        return lengthOffsets[label.size()] + index;
    }
}
