package io.archforge.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A cell search space: a directed acyclic graph of {@code nodes} nodes in which
 * every edge {@code i -> j} with {@code i < j} carries one operation. Node 0 is
 * the cell input and the last node its output.
 *
 * <p>Gene {@code k} is the index of the operation on edge {@code k}, with edges
 * ordered by target node, then by source node: (0->1), (0->2), (1->2), (0->3), ...
 * The string form writes one {@code |...|} group per target node, joined by
 * {@code +}, and each edge as {@code op~source}, as NAS-Bench-201 does:
 * {@code |op~0|+|op~0|op~1|+|op~0|op~1|op~2|}.
 *
 * <p>Two cells share an {@link Architecture#isomorphismKey()} exactly when
 * NAS-Bench-201 counts them as the same network; {@link CellIsomorphism}
 * describes the rule.
 *
 * @param name the space name
 * @param nodes the number of nodes, input and output included
 * @param operations the operation names, in gene index order
 * @param zeroOperation the operation that outputs zeros, such as {@code none}
 * @param identityOperation the operation that passes its input through, such as
 *     {@code skip_connect}
 */
public record CellSpace(String name, int nodes, List<String> operations,
        String zeroOperation, String identityOperation) implements SearchSpace {

    /** The characters the string form uses as separators, so no name may contain them. */
    private static final String SEPARATORS = "|~+";

    public CellSpace {
        Objects.requireNonNull(name, "name");
        operations = List.copyOf(operations);
        Objects.requireNonNull(zeroOperation, "zeroOperation");
        Objects.requireNonNull(identityOperation, "identityOperation");
        if (name.isBlank()) {
            throw new IllegalArgumentException("cell space name is empty");
        }
        if (nodes < 2) {
            throw new IllegalArgumentException(
                    "cell space '" + name + "' needs at least 2 nodes, got " + nodes);
        }
        checkOperations(name, operations);
        if (!operations.contains(zeroOperation) || !operations.contains(identityOperation)) {
            throw new IllegalArgumentException("cell space '" + name + "': zero operation '"
                    + zeroOperation + "' and identity operation '" + identityOperation
                    + "' must both be among " + operations);
        }
    }

    private static void checkOperations(String name, List<String> operations) {
        if (operations.isEmpty()) {
            throw new IllegalArgumentException("cell space '" + name + "' needs an operation");
        }
        if (operations.stream().distinct().count() != operations.size()) {
            throw new IllegalArgumentException(
                    "cell space '" + name + "' repeats an operation: " + operations);
        }
        for (String operation : operations) {
            boolean bad = operation.isBlank()
                    || operation.chars().anyMatch(c -> SEPARATORS.indexOf(c) >= 0);
            if (bad) {
                throw new IllegalArgumentException("cell space '" + name + "': operation '"
                        + operation + "' must be non-blank and free of '|', '~' and '+'");
            }
        }
    }

    /**
     * The NAS-Bench-201 cell space (Dong and Yang, 2020), named {@code nb201}: 4 nodes,
     * 6 edges, operations none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3.
     */
    public static CellSpace nb201() {
        return new CellSpace("nb201", 4,
                List.of("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"),
                "none", "skip_connect");
    }

    /** One edge of the cell, from node {@code from} into node {@code to}. */
    public record Edge(int from, int to) {

        public Edge {
            if (from < 0 || to <= from) {
                throw new IllegalArgumentException(
                        "an edge needs 0 <= from < to, got " + from + " -> " + to);
            }
        }

        @Override
        public String toString() {
            return from + "->" + to;
        }
    }

    /** The edges in gene order: by target node, then by source node. */
    public List<Edge> edges() {
        List<Edge> edges = new ArrayList<>();
        for (int to = 1; to < nodes; to++) {
            for (int from = 0; from < to; from++) {
                edges.add(new Edge(from, to));
            }
        }
        return List.copyOf(edges);
    }

    /** The number of edges, {@code nodes * (nodes - 1) / 2}. */
    public int edgeCount() {
        return nodes * (nodes - 1) / 2;
    }

    /** The operation name on edge {@code edge} (in gene order) of {@code architecture}. */
    public String operation(Architecture architecture, int edge) {
        checkMember(architecture);
        return operations.get(architecture.intGene(edge));
    }

    @Override
    public List<Choice> choices() {
        List<Choice> choices = new ArrayList<>();
        for (Edge edge : edges()) {
            choices.add(new Choice.Categorical(edge.toString(), operations));
        }
        return List.copyOf(choices);
    }

    @Override
    public Architecture of(List<? extends Number> genes) {
        Objects.requireNonNull(genes, "genes");
        if (genes.size() != edgeCount()) {
            throw new IllegalArgumentException("space '" + name + "' needs " + edgeCount()
                    + " genes, one per edge, got " + genes.size() + ": " + genes);
        }
        int[] indices = new int[genes.size()];
        for (int k = 0; k < indices.length; k++) {
            indices[k] = operationIndex(genes.get(k), k);
        }
        return build(indices);
    }

    private int operationIndex(Number gene, int edge) {
        boolean integral = gene instanceof Integer || gene instanceof Long
                || gene instanceof Short || gene instanceof Byte;
        long value = integral ? gene.longValue() : -1;
        if (value < 0 || value >= operations.size()) {
            throw new IllegalArgumentException("gene " + edge + " of space '" + name + "' is "
                    + gene + "; expected an operation index from 0 to "
                    + (operations.size() - 1) + " for " + operations);
        }
        return (int) value;
    }

    /** Builds an architecture from already validated operation indices. */
    Architecture build(int[] indices) {
        List<Number> genes = new ArrayList<>(indices.length);
        for (int index : indices) {
            genes.add(index);
        }
        String text = CellFormat.print(this, indices);
        String key = CellIsomorphism.key(this, indices);
        return new Architecture(name, genes, text, key);
    }

    @Override
    public Architecture parse(String text) {
        return build(CellFormat.parse(this, text));
    }

    @Override
    public Architecture sample(RandomGenerator random) {
        int[] indices = new int[edgeCount()];
        for (int k = 0; k < indices.length; k++) {
            indices[k] = random.nextInt(operations.size());
        }
        return build(indices);
    }

    @Override
    public Architecture mutate(Architecture parent, RandomGenerator random) {
        checkMember(parent);
        if (operations.size() < 2) {
            throw new IllegalStateException("space '" + name
                    + "' has a single operation, so no architecture can be mutated");
        }
        int[] indices = genesOf(parent);
        int edge = random.nextInt(indices.length);

        // Draw among the other operations only, so the child always differs.
        int other = random.nextInt(operations.size() - 1);
        indices[edge] = other >= indices[edge] ? other + 1 : other;
        return build(indices);
    }

    @Override
    public List<Architecture> neighbours(Architecture center) {
        checkMember(center);
        int[] indices = genesOf(center);
        List<Architecture> neighbours = new ArrayList<>();
        for (int edge = 0; edge < indices.length; edge++) {
            int original = indices[edge];
            for (int op = 0; op < operations.size(); op++) {
                if (op != original) {
                    indices[edge] = op;
                    neighbours.add(build(indices));
                }
            }
            indices[edge] = original;
        }
        return List.copyOf(neighbours);
    }

    /** {@code operations^edges}, or {@link Long#MAX_VALUE} when that overflows. */
    @Override
    public long size() {
        long size = 1;
        try {
            for (int k = 0; k < edgeCount(); k++) {
                size = Math.multiplyExact(size, operations.size());
            }
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
        return size;
    }

    /**
     * Returns the representative of the isomorphism class of {@code architecture}: the
     * member whose gene vector is lexicographically smallest. The classes are
     * enumerated once per space and cached.
     *
     * @throws IllegalStateException when the space has over
     *     {@value CellIsomorphism#MAX_ENUMERATED} architectures
     */
    public Architecture canonical(Architecture architecture) {
        checkMember(architecture);
        return build(CellIsomorphism.canonicalGenes(this, architecture.isomorphismKey()));
    }

    /**
     * Counts the isomorphism classes by enumeration (6,466 for nb201).
     *
     * @throws IllegalStateException when the space is too large to enumerate
     */
    public int isomorphismClassCount() {
        return CellIsomorphism.classCount(this);
    }

    int[] genesOf(Architecture architecture) {
        int[] indices = new int[architecture.genes().size()];
        for (int k = 0; k < indices.length; k++) {
            indices[k] = architecture.intGene(k);
        }
        return indices;
    }

    private void checkMember(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture");
        if (!architecture.space().equals(name) || architecture.genes().size() != edgeCount()) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' of space '" + architecture.space() + "' is not in space '" + name + "'");
        }
    }
}
