package io.archforge.benchmarks.graph;

import io.archforge.space.Architecture;
import io.archforge.space.NasBenchGraphSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The equivalence rule of NAS-Bench-Graph: it maps each of the 59,049 gene vectors of
 * {@link NasBenchGraphSpace} to the representative of its group, which is the
 * architecture the benchmark trained. The rule is the one of the benchmark's
 * {@code Arch.valid_hash} (GitHub THUMNLab/NAS-Bench-Graph, file
 * {@code nas-bench-graph/architecture.py}), restated here in three steps.
 *
 * <ol>
 *   <li>Skip layers move to the front. Layers are visited by position, 1 to 4, on
 *       the current layout. A {@code skip} layer moves when another layer reads it,
 *       when no other layer reads the same node as it, or when it and every layer
 *       above it are {@code skip}. Moving makes it layer 1, reading the graph input.
 *       The layers that read it read its former input instead, and the layers in
 *       front of it shift back by one. Afterwards the layouts {@code 0121} and
 *       {@code 0113}, which are not among the 9 patterns, become {@code 0112} by
 *       swapping the two layers that read layer 1.</li>
 *   <li>Layers that read the same node and that no layer reads are interchangeable,
 *       so their operations are sorted by their index in
 *       {@link NasBenchGraphSpace#OPERATIONS}: all 4 in {@code 0000}, layers 2 and 3
 *       in {@code 0001}, layers 3 and 4 in {@code 0011} and {@code 0122}, layers 2 to
 *       4 in {@code 0111}. In {@code 0012} the branches (1, 3) and (2, 4) swap when
 *       op1 comes after op2, or when they are equal and op3 comes after op4.</li>
 *   <li>The result is the representative.</li>
 * </ol>
 *
 * <p>The rule yields 26,207 groups: the 26,206 architectures of the benchmark's tables,
 * each the representative of its group, and the group of the 9 gene vectors whose
 * layers are all {@code skip}, which the benchmark did not train.
 *
 * <p>NOTE: the rule groups by the benchmark's bookkeeping, not by the function a
 * network computes. A skip layer that ends a branch moves to the front, where it reads
 * the graph input, so some members of a group differ from their representative in
 * what feeds the output.
 */
public final class NasBenchGraphEquivalence {

    /** The number of groups, the all-skip group included. */
    public static final int GROUPS = 26_207;

    private static final String SKIP = "skip";

    private NasBenchGraphEquivalence() {
    }

    /**
     * Returns the representative of the group of {@code architecture}.
     *
     * @throws IllegalArgumentException when it is not of the nasbench-graph space
     */
    public static Architecture representative(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture");
        int[] links = NasBenchGraphSpace.inputs(architecture);
        List<String> operations = new ArrayList<>(NasBenchGraphSpace.operations(architecture));

        // Step 1: skip layers to the front
        moveSkipLayers(links, operations);
        String pattern = pattern(links);

        // Step 2: interchangeable layers in operation order
        sortInterchangeable(pattern, operations);
        return NasBenchGraphSpace.of(pattern, operations);
    }

    /** Returns whether every layer of {@code architecture} is {@code skip}. */
    public static boolean isIdentity(Architecture architecture) {
        return NasBenchGraphSpace.operations(architecture).stream().allMatch(SKIP::equals);
    }

    private static void moveSkipLayers(int[] links, List<String> operations) {
        for (int layer = 0; layer < links.length; layer++) {
            if (operations.get(layer).equals(SKIP) && movesToFront(layer, links, operations)) {
                moveToFront(layer, links, operations);
            }
        }
        String layout = layout(links);
        if (layout.equals("0121")) {
            relink(links, "0112");
            swap(operations, 2, 3);
        } else if (layout.equals("0113")) {
            relink(links, "0112");
            swap(operations, 1, 2);
        }
    }

    private static boolean movesToFront(int layer, int[] links, List<String> operations) {
        boolean read = false;
        boolean sibling = false;
        for (int other = 0; other < links.length; other++) {
            if (links[other] == layer + 1) {
                read = true;
            } else if (other != layer && links[other] == links[layer]) {
                sibling = true;
            }
        }
        return read || !sibling || skipsOnly(layer, links, operations);
    }

    /** Returns whether {@code layer} and every layer it reads through are skip layers. */
    private static boolean skipsOnly(int layer, int[] links, List<String> operations) {
        for (int node = layer; node >= 0; node = links[node] - 1) {
            if (!operations.get(node).equals(SKIP)) {
                return false;
            }
        }
        return true;
    }

    /** Makes {@code layer} (from 0) the first layer, reading the graph input. */
    private static void moveToFront(int layer, int[] links, List<String> operations) {
        int formerInput = links[layer];
        int[] moved = new int[links.length];
        for (int other = 0; other < links.length; other++) {
            int input = links[other] == layer + 1 ? formerInput : links[other];
            moved[other] = input <= layer ? input + 1 : input;
        }
        moved[layer] = 0;
        int[] order = new int[links.length];
        order[0] = layer;
        for (int position = 1, other = 0; position < links.length; other++) {
            if (other != layer) {
                order[position++] = other;
            }
        }
        List<String> reordered = new ArrayList<>(operations.size());
        for (int position = 0; position < links.length; position++) {
            links[position] = position == 0 ? 0 : moved[order[position]];
            reordered.add(operations.get(order[position]));
        }
        for (int position = 0; position < links.length; position++) {
            operations.set(position, reordered.get(position));
        }
    }

    private static void sortInterchangeable(String pattern, List<String> operations) {
        switch (pattern) {
            case "0000" -> sortRange(operations, 0, 4);
            case "0001" -> sortRange(operations, 1, 3);
            case "0011", "0122" -> sortRange(operations, 2, 4);
            case "0111" -> sortRange(operations, 1, 4);
            case "0012" -> orderBranches(operations);
            default -> {
                // The other patterns have no interchangeable layers.
            }
        }
    }

    private static void sortRange(List<String> operations, int from, int to) {
        List<String> part = new ArrayList<>(operations.subList(from, to));
        part.sort((a, b) -> Integer.compare(index(a), index(b)));
        for (int i = from; i < to; i++) {
            operations.set(i, part.get(i - from));
        }
    }

    /** Swaps the branches (1, 3) and (2, 4) of pattern 0012 into operation order. */
    private static void orderBranches(List<String> operations) {
        int first = index(operations.get(0));
        int second = index(operations.get(1));
        boolean swap = first > second
                || first == second && index(operations.get(2)) > index(operations.get(3));
        if (swap) {
            swap(operations, 0, 1);
            swap(operations, 2, 3);
        }
    }

    private static int index(String operation) {
        return NasBenchGraphSpace.OPERATIONS.indexOf(operation);
    }

    private static void swap(List<String> operations, int i, int j) {
        String kept = operations.get(i);
        operations.set(i, operations.get(j));
        operations.set(j, kept);
    }

    private static void relink(int[] links, String pattern) {
        for (int layer = 0; layer < links.length; layer++) {
            links[layer] = pattern.charAt(layer) - '0';
        }
    }

    private static String layout(int[] links) {
        StringBuilder text = new StringBuilder(links.length);
        for (int input : links) {
            text.append(input);
        }
        return text.toString();
    }

    private static String pattern(int[] links) {
        String pattern = layout(links);
        if (!NasBenchGraphSpace.LINK_PATTERNS.contains(pattern)) {
            throw new IllegalStateException("the equivalence rule produced the layout "
                    + pattern + " from " + Arrays.toString(links)
                    + ", which is not a NAS-Bench-Graph link pattern");
        }
        return pattern;
    }
}
