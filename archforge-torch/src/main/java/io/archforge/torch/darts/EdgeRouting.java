package io.archforge.torch.darts;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;

/**
 * The weighting of each edge's operations in one forward pass of a {@link SearchNetwork}.
 *
 * <p>An edge whose {@code single} entry is -1 outputs the sum of all its operations,
 * each times its entry of {@code weights}. An edge whose entry is an operation index
 * computes that operation alone, times its entry of {@code weights} when weights are
 * given, else as it is. The same routing applies to every cell.
 *
 * @param weights edges x operations, or null when every edge computes one operation
 * @param single per edge, the one operation to compute, or -1 for the weighted sum
 */
public record EdgeRouting(NDArray weights, int[] single) {

    /** Creates a routing in which every edge sums all operations, weighted by {@code weights}. */
    public static EdgeRouting mixture(NDArray weights, int edges) {
        int[] single = new int[edges];
        Arrays.fill(single, -1);
        return new EdgeRouting(weights, single);
    }

    /** Creates a routing in which every edge computes its {@code chosen} operation, unweighted. */
    public static EdgeRouting fixed(int[] chosen) {
        return new EdgeRouting(null, chosen.clone());
    }

    /** Returns whether {@code edge} computes one operation only. */
    public boolean isSingle(int edge) {
        return single[edge] >= 0;
    }
}
