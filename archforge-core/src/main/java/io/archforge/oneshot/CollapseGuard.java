package io.archforge.oneshot;

import io.archforge.space.Architecture;
import io.archforge.space.CellPaths;
import io.archforge.space.CellSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A guard that keeps differentiable search from deriving a cell that has collapsed into
 * parameter-free operations. This collapse takes vanilla DARTS on NAS-Bench-201 to an
 * all-skip cell (Dong and Yang, ICLR 2020, and Zela et al., ICLR 2020).
 *
 * <p>{@link #derive} never keeps {@code none}. That operation scales an edge's output
 * down, so it tends to win the softmax without computing anything, and DARTS itself
 * leaves it out when it derives a cell. {@link #derive} also limits the number of
 * {@code skip_connect} edges. When the strongest operations contain more than the limit,
 * the skip edges with the weakest skip logit take their strongest operation with weights
 * instead. The parameter-free limit does the same for skip and pooling edges together,
 * replacing the edges whose chosen logit is weakest. {@link #check} rejects a cell in
 * which no path from input to output passes an operation with weights.
 *
 * @param skipLimit the maximum number of {@code skip_connect} edges in a derived cell
 * @param parameterFreeLimit the maximum number of {@code skip_connect} and {@code
 *     avg_pool_3x3} edges together
 */
public record CollapseGuard(int skipLimit, int parameterFreeLimit) {

    /** The identity operation whose spread marks a collapse. */
    public static final String SKIP = "skip_connect";

    public CollapseGuard {
        if (skipLimit < 0 || parameterFreeLimit < 0) {
            throw new IllegalArgumentException("invalid skip limit " + skipLimit
                    + " or parameter-free limit " + parameterFreeLimit + ": use 0 or more");
        }
    }

    /** Creates a guard with a skip limit only. */
    public CollapseGuard(int skipLimit) {
        this(skipLimit, Integer.MAX_VALUE);
    }

    /** Derives the cell of {@code weights} without {@code none} and within both limits. */
    public Architecture derive(ArchitectureWeights weights) {
        CellSpace space = weights.space();
        double[][] logits = weights.logits();
        int skip = space.operations().indexOf(SKIP);
        int none = space.operations().indexOf(CellPaths.NONE);
        List<Integer> genes = new ArrayList<>();
        List<Integer> skipEdges = new ArrayList<>();
        for (int edge = 0; edge < logits.length; edge++) {
            int best = ArchitectureWeights.argMax(logits[edge], none);
            genes.add(best);
            if (best == skip) {
                skipEdges.add(edge);
            }
        }
        replaceWeakest(space, logits, genes, skipEdges, skipLimit);

        List<Integer> freeEdges = new ArrayList<>();
        for (int edge = 0; edge < logits.length; edge++) {
            if (CellPaths.PARAMETER_FREE.contains(space.operations().get(genes.get(edge)))) {
                freeEdges.add(edge);
            }
        }
        replaceWeakest(space, logits, genes, freeEdges, parameterFreeLimit);
        return space.of(genes);
    }

    /**
     * Gives the weakest of {@code edges}, by the logit of their chosen operation, their
     * strongest operation with weights until at most {@code limit} of them remain.
     */
    private static void replaceWeakest(CellSpace space, double[][] logits, List<Integer> genes,
            List<Integer> edges, int limit) {
        List<Integer> sorted = new ArrayList<>(edges);
        sorted.sort(Comparator.comparingDouble(edge -> logits[edge][genes.get(edge)]));
        int excess = sorted.size() - limit;
        for (int k = 0; k < excess; k++) {
            int edge = sorted.get(k);
            genes.set(edge, strongestWithWeights(space, logits[edge]));
        }
    }

    /**
     * Checks that a derived cell still learns: some path from its input to its output
     * passes an operation with weights.
     *
     * @throws CollapsedCellException naming the cell and the fix
     */
    public static void check(CellSpace space, Architecture cell) {
        if (!CellPaths.passesWeights(space, cell)) {
            throw new CollapsedCellException("derived cell " + cell.text() + " has no path"
                    + " through an operation with weights, so the search collapsed into"
                    + " parameter-free operations. Run it again with beta-darts, a skip"
                    + " or parameter-free limit (skip_limit=2, parameter_free_limit=2) or edge"
                    + " mutation (edge_mutation=0.2)");
        }
    }

    private static int strongestWithWeights(CellSpace space, double[] row) {
        int best = -1;
        for (int k = 0; k < row.length; k++) {
            if (!CellPaths.PARAMETER_FREE.contains(space.operations().get(k))
                    && (best < 0 || row[k] > row[best])) {
                best = k;
            }
        }
        return best;
    }
}
