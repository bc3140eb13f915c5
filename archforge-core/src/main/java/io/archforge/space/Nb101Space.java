package io.archforge.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The NAS-Bench-101 cell space of Ying, Klein, Real, Christiansen, Murphy and Hutter,
 * "NAS-Bench-101: Towards Reproducible Neural Architecture Search" (ICML 2019), as a
 * choice space named {@code nb101}.
 *
 * <p>A cell is a directed acyclic graph of {@value #NODES} nodes: node 0 is the input,
 * node 6 the output, and nodes 1 to 5 each apply one of {@link #OPERATIONS}. Edges go
 * from lower to higher nodes, so the graph is the upper triangle of a 7 x 7 adjacency
 * matrix. The space has 26 choices in this gene order:
 * <ul>
 *   <li>{@code edge_I_J} for each {@code 0 <= I < J <= 6}, row by row ({@code edge_0_1},
 *       {@code edge_0_2}, ..., {@code edge_5_6}): {@code off} or {@code on};</li>
 *   <li>{@code node_K} for {@code K} = 1 to 5: the operation of node {@code K}.</li>
 * </ul>
 * The space contains {@code 2^21 * 3^5 = 509,607,936} gene vectors.
 *
 * <p>A choice space cannot express the benchmark's two validity rules, so
 * {@link ChoiceSpace#sample} and {@link ChoiceSpace#mutate} also return cells that
 * NAS-Bench-101 does not contain. As the benchmark's ModelSpec class does (NASLib
 * ships a copy as naslib/search_spaces/nasbench101/model_spec.py), a cell is first
 * pruned of the nodes that lie on no path from input to output ({@link #prune}). It is
 * valid when the input still reaches the output and the pruned cell has at most
 * {@value #MAX_EDGES} edges ({@link #isValid}). Different gene vectors can prune to the
 * same cell, and the isomorphism key is the string form, so isomorphic cells are not
 * recognized as equal.
 */
public final class Nb101Space {

    /** The space name. */
    public static final String NAME = "nb101";

    /** The number of nodes of an unpruned cell, input and output included. */
    public static final int NODES = 7;

    /** The maximum number of edges in a valid pruned cell. */
    public static final int MAX_EDGES = 9;

    /** The node operations, in option order. */
    public static final List<String> OPERATIONS =
            List.of("conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3");

    /** The label of node 0 in a {@link Cell}. */
    public static final String INPUT = "input";

    /** The label of the last node in a {@link Cell}. */
    public static final String OUTPUT = "output";

    private static final int EDGES = NODES * (NODES - 1) / 2;
    private static final List<String> SWITCH = List.of("off", "on");
    private static final ChoiceSpace SPACE = build();

    private Nb101Space() {
    }

    /** Returns the space; every call returns an equal space. */
    public static ChoiceSpace create() {
        return SPACE;
    }

    private static ChoiceSpace build() {
        List<Choice> choices = new ArrayList<>();
        for (int from = 0; from < NODES; from++) {
            for (int to = from + 1; to < NODES; to++) {
                choices.add(new Choice.Categorical(edgeName(from, to), SWITCH));
            }
        }
        for (int node = 1; node < NODES - 1; node++) {
            choices.add(new Choice.Categorical("node_" + node, OPERATIONS));
        }
        return new ChoiceSpace(NAME, choices);
    }

    private static String edgeName(int from, int to) {
        return "edge_" + from + "_" + to;
    }

    /** Returns the gene index of edge {@code from -> to}. */
    static int edgeGene(int from, int to) {
        if (from < 0 || to <= from || to >= NODES) {
            throw new IllegalArgumentException("edge " + from + " -> " + to
                    + " is not in a NAS-Bench-101 cell; it needs 0 <= from < to <= 6");
        }
        // Rows before 'from' hold (NODES-1) + ... + (NODES-from) edges.
        return from * (2 * NODES - from - 1) / 2 + (to - from - 1);
    }

    /**
     * Builds the architecture of an adjacency matrix and the operations of nodes 1 to 5.
     *
     * @param matrix a 7 x 7 matrix whose entry {@code [i][j]} is true when node {@code i}
     *     feeds node {@code j}; only the strict upper triangle may be true
     * @param operations five names from {@link #OPERATIONS}, for nodes 1 to 5
     * @throws IllegalArgumentException naming the bad entry or operation
     */
    public static Architecture of(boolean[][] matrix, List<String> operations) {
        Objects.requireNonNull(matrix, "matrix");
        Objects.requireNonNull(operations, "operations");
        if (matrix.length != NODES || operations.size() != NODES - 2) {
            throw new IllegalArgumentException("a NAS-Bench-101 cell needs a 7 x 7 matrix and"
                    + " 5 operations, got " + matrix.length + " rows and "
                    + operations.size() + " operations");
        }
        List<Integer> genes = new ArrayList<>(EDGES + NODES - 2);
        for (int from = 0; from < NODES; from++) {
            if (matrix[from].length != NODES) {
                throw new IllegalArgumentException("row " + from + " of the matrix has "
                        + matrix[from].length + " entries; expected 7");
            }
            for (int to = 0; to <= from; to++) {
                if (matrix[from][to]) {
                    throw new IllegalArgumentException("entry [" + from + "][" + to
                            + "] is set; edges must go from a lower to a higher node");
                }
            }
            for (int to = from + 1; to < NODES; to++) {
                genes.add(matrix[from][to] ? 1 : 0);
            }
        }
        for (String operation : operations) {
            int index = OPERATIONS.indexOf(operation);
            if (index < 0) {
                throw new IllegalArgumentException("unknown NAS-Bench-101 operation '"
                        + operation + "'; valid operations are " + OPERATIONS);
            }
            genes.add(index);
        }
        return SPACE.of(genes);
    }

    /** Returns whether the unpruned cell has edge {@code from -> to}. */
    public static boolean hasEdge(Architecture architecture, int from, int to) {
        checkMember(architecture);
        return architecture.intGene(edgeGene(from, to)) == 1;
    }

    /**
     * Returns the operation of node {@code node}, 1 to 5.
     *
     * @throws IllegalArgumentException when the node is the input, the output or absent
     */
    public static String operation(Architecture architecture, int node) {
        checkMember(architecture);
        if (node < 1 || node > NODES - 2) {
            throw new IllegalArgumentException("node " + node + " has no operation; only"
                    + " nodes 1 to 5 of a NAS-Bench-101 cell have one");
        }
        return OPERATIONS.get(architecture.intGene(EDGES + node - 1));
    }

    /**
     * Prunes the cell to the nodes that lie on a path from the input to the output, the
     * form NAS-Bench-101 looks cells up in.
     *
     * @return the pruned cell, or empty when no path joins the input to the output
     */
    public static Optional<Cell> prune(Architecture architecture) {
        checkMember(architecture);

        // Nodes the input reaches, then nodes that reach the output.
        boolean[] fromInput = new boolean[NODES];
        fromInput[0] = true;
        for (int to = 1; to < NODES; to++) {
            for (int from = 0; from < to && !fromInput[to]; from++) {
                fromInput[to] = fromInput[from] && hasEdge(architecture, from, to);
            }
        }
        boolean[] toOutput = new boolean[NODES];
        toOutput[NODES - 1] = true;
        for (int from = NODES - 2; from >= 0; from--) {
            for (int to = from + 1; to < NODES && !toOutput[from]; to++) {
                toOutput[from] = toOutput[to] && hasEdge(architecture, from, to);
            }
        }
        if (!toOutput[0]) {
            return Optional.empty();
        }

        // Keep the nodes on a path and the edges between them.
        List<Integer> onPath = new ArrayList<>();
        for (int node = 0; node < NODES; node++) {
            if (fromInput[node] && toOutput[node]) {
                onPath.add(node);
            }
        }
        List<String> labels = new ArrayList<>(onPath.size());
        List<Edge> edges = new ArrayList<>();
        for (int a = 0; a < onPath.size(); a++) {
            int node = onPath.get(a);
            labels.add(node == 0 ? INPUT : node == NODES - 1 ? OUTPUT
                    : operation(architecture, node));
            for (int b = a + 1; b < onPath.size(); b++) {
                if (hasEdge(architecture, node, onPath.get(b))) {
                    edges.add(new Edge(a, b));
                }
            }
        }
        return Optional.of(new Cell(onPath, labels, edges));
    }

    /**
     * Returns whether NAS-Bench-101 contains the cell: the input reaches the output, and
     * the pruned cell has at most {@value #MAX_EDGES} edges.
     */
    public static boolean isValid(Architecture architecture) {
        return violation(architecture).isEmpty();
    }

    /**
     * Checks that NAS-Bench-101 contains the cell.
     *
     * @throws IllegalArgumentException naming the cell and the rule it breaks
     */
    public static void checkValid(Architecture architecture) {
        violation(architecture).ifPresent(rule -> {
            throw new IllegalArgumentException("NAS-Bench-101 cell '" + architecture.text()
                    + "' is invalid: " + rule);
        });
    }

    private static Optional<String> violation(Architecture architecture) {
        Optional<Cell> cell = prune(architecture);
        if (cell.isEmpty()) {
            return Optional.of("no path joins the input to the output");
        }
        int edges = cell.get().edges().size();
        if (edges > MAX_EDGES) {
            return Optional.of("the pruned cell has " + edges + " edges; at most "
                    + MAX_EDGES + " are allowed");
        }
        return Optional.empty();
    }

    private static void checkMember(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture");
        if (!architecture.space().equals(NAME) || architecture.genes().size() != EDGES + 5) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' is of space '" + architecture.space() + "', not '" + NAME + "'");
        }
    }

    /**
     * A pruned cell, with its nodes renumbered from 0 in the order of the unpruned cell.
     *
     * @param nodes the unpruned node number of each kept node, ascending, from 0 to 6
     * @param labels {@link #INPUT}, the operations of the kept inner nodes, {@link #OUTPUT}
     * @param edges the edges between kept nodes, in renumbered nodes, ordered by source
     *     and then by target
     */
    public record Cell(List<Integer> nodes, List<String> labels, List<Edge> edges) {

        public Cell {
            nodes = List.copyOf(nodes);
            labels = List.copyOf(labels);
            edges = List.copyOf(edges);
            if (nodes.size() != labels.size()) {
                throw new IllegalArgumentException("pruned cell has " + nodes.size()
                        + " nodes but " + labels.size() + " labels");
            }
        }

        /** Returns the number of kept nodes, input and output included. */
        public int size() {
            return nodes.size();
        }

        /** Returns whether kept node {@code from} feeds kept node {@code to}. */
        public boolean hasEdge(int from, int to) {
            return edges.contains(new Edge(from, to));
        }
    }

    /** An edge of a pruned cell, from node {@code from} into node {@code to}. */
    public record Edge(int from, int to) {

        public Edge {
            if (from < 0 || to <= from) {
                throw new IllegalArgumentException(
                        "an edge needs 0 <= from < to, got " + from + " -> " + to);
            }
        }
    }
}
