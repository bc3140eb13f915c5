package io.archforge.space;

import java.util.List;
import java.util.Objects;

/**
 * The micro (cell-level) search space of TransNAS-Bench-101 (Duan et al.,
 * "TransNAS-Bench-101: Improving Transferability and Generalizability of Cross-Task
 * Neural Architecture Search", CVPR 2021), named {@code transnas101}: a cell of 4
 * nodes and 6 edges, each edge one of 4 operations, 4,096 cells in all.
 *
 * <p>Gene {@code k} is the benchmark's operation index on edge {@code k}, the digit
 * the benchmark writes in its network code {@code 64-41414-a_bc_def}: 0 is
 * {@code none} (zeros), 1 {@code skip_connect}, 2 {@code nor_conv_1x1} and 3
 * {@code nor_conv_3x3} (ReLU, convolution, batch norm). The digits and the edge
 * order, (0->1), (0->2), (1->2), (0->3), (1->3), (2->3), are those of the
 * benchmark's README (GitHub yawen-d/TransNASBench) and of its model code, {@code OPS}
 * in {@code net_ops/cell_ops.py} and {@code MicroCell} in
 * {@code net_infer/cell_micro.py}, which NASLib ships in
 * {@code naslib/search_spaces/transbench101/tnb101}. NASLib writes its
 * {@code op_indices} into that code unchanged ({@code convert_op_indices_micro_to_str}),
 * so its tables use the same numbering.
 * NASLib's own graph classes list the operations in another order
 * ({@code Identity, Zero, ReLUConvBN3x3, ReLUConvBN1x1}), which does not reach the
 * benchmark's tables.
 *
 * <p>The benchmark's network stacks 10 such cells in 5 modules of 2. The first cell
 * of modules 1, 3 and 5 halves the resolution and doubles the channels, and there an
 * edge leaving node 0 with {@code skip_connect} becomes a factorized reduction (two
 * strided 1x1 convolutions). NOTE: {@link Architecture#isomorphismKey()} follows the
 * NAS-Bench-201 rule, which treats {@code skip_connect} as the identity everywhere,
 * so two cells with one key can still build different networks in those three cells.
 */
public final class TransNas101Space {

    /** The space name. */
    public static final String NAME = "transnas101";

    /** The operations, in the benchmark's index order. */
    public static final List<String> OPERATIONS =
            List.of("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3");

    /** The benchmark's fixed network skeleton: 64 base channels, modules of types 4-1-4-1-4. */
    private static final String NETWORK_PREFIX = "64-41414-";

    private static final CellSpace SPACE =
            new CellSpace(NAME, 4, OPERATIONS, "none", "skip_connect");

    private TransNas101Space() {
    }

    /** Returns the space; every call returns an equal space. */
    public static CellSpace create() {
        return SPACE;
    }

    /**
     * Writes the benchmark's network code of a cell, such as {@code 64-41414-3_13_302},
     * which its API and model builder take.
     *
     * @throws IllegalArgumentException when the architecture is not of this space
     */
    public static String networkCode(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture");
        if (!architecture.space().equals(NAME)) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' is of space '" + architecture.space() + "', not '" + NAME + "'");
        }
        StringBuilder code = new StringBuilder(NETWORK_PREFIX);
        int edge = 0;
        for (int to = 1; to < SPACE.nodes(); to++) {
            if (to > 1) {
                code.append('_');
            }
            for (int from = 0; from < to; from++) {
                code.append(architecture.intGene(edge++));
            }
        }
        return code.toString();
    }
}
