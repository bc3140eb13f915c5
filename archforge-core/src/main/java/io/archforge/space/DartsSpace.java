package io.archforge.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The DARTS cell space as NAS-Bench-301 uses it, a choice space named {@code nb301}:
 * Liu, Simonyan and Yang, "DARTS: Differentiable Architecture Search" (ICLR 2019), and
 * Zela, Siems, Zimmer, Lukasik, Keuper and Hutter, "Surrogate NAS Benchmarks: Going
 * Beyond the Limited Search Spaces of Tabular NAS Benchmarks" (ICLR 2022).
 *
 * <p>An architecture has a normal and a reduction cell. Each cell has two input nodes,
 * numbered 0 (the output of the cell before the previous one) and 1 (the output of the
 * previous cell), and four intermediate nodes, numbered 2 to 5. Each intermediate node
 * sums two edges, and each edge applies one of {@link #OPERATIONS} to an earlier node.
 * The cell's output concatenates all four intermediate nodes. The space has 32 choices,
 * normal cell first, then node by node and edge by edge:
 * <ul>
 *   <li>{@code CELL.nodeK.inputE}: the node that edge {@code E} (0 or 1) of node
 *       {@code K} reads, one of {@code 0} to {@code K-1} (the option index equals the
 *       node number);</li>
 *   <li>{@code CELL.nodeK.opE}: the operation of that edge,</li>
 * </ul>
 * where {@code CELL} is {@code normal} or {@code reduction}. The gene order and both
 * numberings are those of the compact form of NASLib (GitHub automl/NASLib,
 * naslib/search_spaces/nasbench301/conversions.py): eight (input node, operation index)
 * pairs per cell, with the operations numbered in the order of {@link #OPERATIONS}.
 *
 * <p>DARTS requires the two edges of a node to read different nodes, a rule a choice
 * space cannot express, so sampling and mutation also return architectures that break
 * it; {@link #isValid} checks it. Swapping the two edges of a node gives the same
 * network but another string form and isomorphism key. The gene vectors number more
 * than a long holds, so {@link ChoiceSpace#size()} returns {@link Long#MAX_VALUE}.
 */
public final class DartsSpace {

    /** The space name. */
    public static final String NAME = "nb301";

    /** The edge operations, in option order, which is NASLib's operation numbering. */
    public static final List<String> OPERATIONS = List.of("max_pool_3x3", "avg_pool_3x3",
            "skip_connect", "sep_conv_3x3", "sep_conv_5x5", "dil_conv_3x3", "dil_conv_5x5");

    /** The cell names, in gene order. */
    public static final List<String> CELLS = List.of("normal", "reduction");

    /** The number of input nodes of a cell. */
    public static final int INPUTS = 2;

    /** The number of intermediate nodes of a cell. */
    public static final int INTERMEDIATE_NODES = 4;

    /** The number of edges of a cell, two per intermediate node. */
    public static final int EDGES = 2 * INTERMEDIATE_NODES;

    private static final ChoiceSpace SPACE = build();

    private DartsSpace() {
    }

    /** Returns the space; every call returns an equal space. */
    public static ChoiceSpace create() {
        return SPACE;
    }

    private static ChoiceSpace build() {
        List<Choice> choices = new ArrayList<>();
        for (String cell : CELLS) {
            for (int node = INPUTS; node < INPUTS + INTERMEDIATE_NODES; node++) {
                List<String> inputs = new ArrayList<>();
                for (int input = 0; input < node; input++) {
                    inputs.add(Integer.toString(input));
                }
                for (int edge = 0; edge < 2; edge++) {
                    String prefix = cell + ".node" + node + ".";
                    choices.add(new Choice.Categorical(prefix + "input" + edge, inputs));
                    choices.add(new Choice.Categorical(prefix + "op" + edge, OPERATIONS));
                }
            }
        }
        return new ChoiceSpace(NAME, choices);
    }

    /**
     * Builds the architecture of two cells given as eight edges each, in NASLib's compact
     * order: both edges of node 2, then of node 3, and so on.
     *
     * @throws IllegalArgumentException when a cell does not have eight edges or an edge
     *     reads a node at or after its own
     */
    public static Architecture of(List<Edge> normal, List<Edge> reduction) {
        List<Integer> genes = new ArrayList<>(4 * EDGES);
        addGenes(CELLS.get(0), normal, genes);
        addGenes(CELLS.get(1), reduction, genes);
        return SPACE.of(genes);
    }

    private static void addGenes(String cell, List<Edge> edges, List<Integer> genes) {
        Objects.requireNonNull(edges, cell);
        if (edges.size() != EDGES) {
            throw new IllegalArgumentException("the " + cell + " cell needs " + EDGES
                    + " edges, two per intermediate node, got " + edges.size());
        }
        for (int position = 0; position < EDGES; position++) {
            Edge edge = edges.get(position);
            int node = nodeOf(position);
            if (edge.input() >= node) {
                throw new IllegalArgumentException("edge " + position + " of the " + cell
                        + " cell feeds node " + node + " but reads node " + edge.input()
                        + "; it must read a node from 0 to " + (node - 1));
            }
            genes.add(edge.input());
            genes.add(OPERATIONS.indexOf(edge.operation()));
        }
    }

    /** Returns the intermediate node, 2 to 5, that edge {@code position} (0 to 7) feeds. */
    public static int nodeOf(int position) {
        if (position < 0 || position >= EDGES) {
            throw new IllegalArgumentException("edge position " + position
                    + " is not in a DARTS cell; positions run from 0 to " + (EDGES - 1));
        }
        return INPUTS + position / 2;
    }

    /**
     * Returns the edges of cell {@code cell} (0 normal, 1 reduction), in compact order.
     *
     * @throws IllegalArgumentException when the architecture is from another space
     */
    public static List<Edge> edges(Architecture architecture, int cell) {
        Objects.requireNonNull(architecture, "architecture");
        if (!architecture.space().equals(NAME) || architecture.genes().size() != 4 * EDGES) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' is of space '" + architecture.space() + "', not '" + NAME + "'");
        }
        if (cell < 0 || cell >= CELLS.size()) {
            throw new IllegalArgumentException("cell " + cell
                    + " does not exist; use 0 for the normal and 1 for the reduction cell");
        }
        List<Edge> edges = new ArrayList<>(EDGES);
        int offset = cell * 2 * EDGES;
        for (int position = 0; position < EDGES; position++) {
            int gene = offset + 2 * position;
            edges.add(new Edge(architecture.intGene(gene),
                    OPERATIONS.get(architecture.intGene(gene + 1))));
        }
        return List.copyOf(edges);
    }

    /** Returns whether the two edges of every intermediate node read different nodes. */
    public static boolean isValid(Architecture architecture) {
        for (int cell = 0; cell < CELLS.size(); cell++) {
            List<Edge> edges = edges(architecture, cell);
            for (int position = 0; position < EDGES; position += 2) {
                if (edges.get(position).input() == edges.get(position + 1).input()) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * One edge of a cell: the node it reads and the operation it applies.
     *
     * @param input the node read: 0 or 1 for the cell inputs, 2 to 4 for an earlier
     *     intermediate node
     * @param operation one of {@link #OPERATIONS}
     */
    public record Edge(int input, String operation) {

        public Edge {
            Objects.requireNonNull(operation, "operation");
            if (input < 0 || input >= INPUTS + INTERMEDIATE_NODES - 1) {
                throw new IllegalArgumentException("edge input " + input
                        + " is not a node an edge can read; use 0 to 4");
            }
            if (!OPERATIONS.contains(operation)) {
                throw new IllegalArgumentException("unknown DARTS operation '" + operation
                        + "'; valid operations are " + OPERATIONS);
            }
        }
    }
}
