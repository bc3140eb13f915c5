package io.archforge.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The graph neural network search space of NAS-Bench-Graph (Qin, Zhang, Wang, Zhang
 * and Zhu, "NAS-Bench-Graph: Benchmarking Graph Neural Architecture Search", NeurIPS
 * 2022 Datasets and Benchmarks), named {@code nasbench-graph}.
 *
 * <p>A network has {@value #LAYERS} layers, and each layer reads exactly one earlier
 * node. The choice {@code links} is one of the benchmark's 9 link patterns, written as
 * the input of layers 1 to 4 in turn, where 0 is the graph input and {@code k} is
 * layer {@code k}: {@code 0123} is a chain, {@code 0000} four parallel layers. The
 * choices {@code op1} to {@code op4} pick each layer's operation: {@code gat} (GAT
 * with 2 heads), {@code gcn}, {@code gin}, {@code cheb} (ChebNet), {@code sage}
 * (GraphSAGE), {@code arma}, {@code graph} (the k-GNN GraphConv), {@code fc} (a
 * fully connected layer that ignores the edges) or {@code skip} (the identity).
 * Layers that no other layer reads feed the output, as the benchmark's README states
 * (GitHub THUMNLab/NAS-Bench-Graph, which also fixes the pattern and operation
 * order used here).
 *
 * <p>The string form is {@code links=0112,op1=gcn,op2=gin,op3=fc,op4=cheb}. The space
 * has {@code 9 * 9^4 = 59,049} gene vectors. The benchmark trained one of each group
 * that its own rule finds equivalent, 26,206 in all. NOTE: that rule is not
 * reproduced here, so {@link Architecture#isomorphismKey()} is the string form, as
 * for every {@link ChoiceSpace}.
 */
public final class NasBenchGraphSpace {

    /** The space name. */
    public static final String NAME = "nasbench-graph";

    /** The number of layers. */
    public static final int LAYERS = 4;

    /** The name of the link-pattern choice. */
    public static final String LINKS = "links";

    /** The link patterns in the benchmark's order, which its table hash numbers them by. */
    public static final List<String> LINK_PATTERNS = List.of(
            "0000", "0001", "0011", "0012", "0013", "0111", "0112", "0122", "0123");

    /** The layer operations in the benchmark's order, which its table hash numbers them by. */
    public static final List<String> OPERATIONS = List.of(
            "gat", "gcn", "gin", "cheb", "sage", "arma", "graph", "fc", "skip");

    private static final ChoiceSpace SPACE = build();

    private NasBenchGraphSpace() {
    }

    /** Returns the space; every call returns an equal space. */
    public static ChoiceSpace create() {
        return SPACE;
    }

    /** Returns the name of the choice that picks the operation of layer {@code layer}, from 1. */
    public static String operationChoice(int layer) {
        Objects.checkIndex(layer - 1, LAYERS);
        return "op" + layer;
    }

    private static ChoiceSpace build() {
        List<Choice> choices = new ArrayList<>();
        choices.add(new Choice.Categorical(LINKS, LINK_PATTERNS));
        for (int layer = 1; layer <= LAYERS; layer++) {
            choices.add(new Choice.Categorical(operationChoice(layer), OPERATIONS));
        }
        return new ChoiceSpace(NAME, choices);
    }

    /**
     * Builds the architecture with link pattern {@code links}, such as {@code 0112}, and
     * the operations of layers 1 to 4.
     *
     * @throws IllegalArgumentException naming the bad value and the valid ones
     */
    public static Architecture of(String links, List<String> operations) {
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(operations, "operations");
        int pattern = LINK_PATTERNS.indexOf(links);
        if (pattern < 0) {
            throw new IllegalArgumentException("unknown NAS-Bench-Graph link pattern '" + links
                    + "'; valid patterns are " + LINK_PATTERNS);
        }
        if (operations.size() != LAYERS) {
            throw new IllegalArgumentException("NAS-Bench-Graph needs " + LAYERS
                    + " layer operations, got " + operations.size() + ": " + operations);
        }
        List<Number> genes = new ArrayList<>(LAYERS + 1);
        genes.add(pattern);
        for (String operation : operations) {
            int index = OPERATIONS.indexOf(operation);
            if (index < 0) {
                throw new IllegalArgumentException("unknown NAS-Bench-Graph operation '"
                        + operation + "'; valid operations are " + OPERATIONS);
            }
            genes.add(index);
        }
        return SPACE.of(genes);
    }

    /**
     * Returns the input of each layer, layer 1 first: 0 for the graph input, {@code k}
     * for layer {@code k}.
     *
     * @throws IllegalArgumentException when the architecture is not of this space
     */
    public static int[] inputs(Architecture architecture) {
        String links = SPACE.option(checkMember(architecture), LINKS);
        int[] inputs = new int[LAYERS];
        for (int layer = 0; layer < LAYERS; layer++) {
            inputs[layer] = links.charAt(layer) - '0';
        }
        return inputs;
    }

    /**
     * Returns the operation of each layer, layer 1 first.
     *
     * @throws IllegalArgumentException when the architecture is not of this space
     */
    public static List<String> operations(Architecture architecture) {
        checkMember(architecture);
        List<String> operations = new ArrayList<>(LAYERS);
        for (int layer = 1; layer <= LAYERS; layer++) {
            operations.add(SPACE.option(architecture, operationChoice(layer)));
        }
        return List.copyOf(operations);
    }

    /**
     * Returns, for each layer, whether it feeds the output: true exactly for the layers
     * that no other layer reads.
     *
     * @param inputs the input of each layer, as {@link #inputs} returns them
     * @throws IllegalArgumentException when a layer reads itself or a later layer
     */
    public static boolean[] leaves(int[] inputs) {
        boolean[] leaves = new boolean[inputs.length];
        Arrays.fill(leaves, true);
        for (int layer = 1; layer <= inputs.length; layer++) {
            int input = inputs[layer - 1];
            if (input < 0 || input >= layer) {
                throw new IllegalArgumentException("layer " + layer + " reads node " + input
                        + " in " + Arrays.toString(inputs)
                        + "; a layer reads the graph input (0) or an earlier layer");
            }
            if (input > 0) {
                leaves[input - 1] = false;
            }
        }
        return leaves;
    }

    private static Architecture checkMember(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture");
        if (!architecture.space().equals(NAME)) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' is of space '" + architecture.space() + "', not '" + NAME + "'");
        }
        return architecture;
    }
}
