package io.archforge.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The isomorphism key of a cell, following the rule NAS-Bench-201 (Dong and Yang,
 * 2020) uses to group its 15,625 cells into 6,466 distinct networks.
 *
 * <p>The output node is expanded as a sum of path terms. Node 0 is {@code 0}. An
 * edge from node {@code i} contributes one term: {@code #} (zero) when its
 * operation is the zero operation or node {@code i} is exactly {@code #}; node
 * {@code i}'s whole expression when its operation is the identity; otherwise
 * {@code (expr_i)@op}. A node's expression is its terms sorted as strings and
 * joined with {@code +}, so the key is canonical under reordering of terms at
 * every level.
 *
 * <p>NOTE: the rule reproduces the benchmark's grouping, quirks included, so its
 * class count stays 6,466. A sum that reaches a node through the identity stays
 * one term, so {@code a+b+c} built as {@code a+(b+c)} can get another key than
 * the same sum built directly. Zero terms are kept, and a node that sums two
 * zeros is not itself zero, so an operation applied to it still yields a term.
 */
final class CellIsomorphism {

    /** Spaces with more architectures than this are not enumerated for canonical forms. */
    static final long MAX_ENUMERATED = 1_000_000;

    private static final String ZERO = "#";
    private static final String INPUT = "0";

    /** For each space, the smallest gene vector of each isomorphism class, by key. */
    private static final Map<CellSpace, Map<String, int[]>> CANONICAL = new ConcurrentHashMap<>();

    private CellIsomorphism() {
    }

    /** Computes the isomorphism key of the cell with these operation indices. */
    static String key(CellSpace space, int[] indices) {
        List<String> operations = space.operations();
        String[] expressions = new String[space.nodes()];
        expressions[0] = INPUT;
        int edge = 0;
        for (int to = 1; to < space.nodes(); to++) {
            List<String> terms = new ArrayList<>(to);
            for (int from = 0; from < to; from++) {
                String operation = operations.get(indices[edge++]);
                terms.add(term(space, operation, expressions[from]));
            }
            Collections.sort(terms);
            expressions[to] = String.join("+", terms);
        }
        return expressions[space.nodes() - 1];
    }

    private static String term(CellSpace space, String operation, String input) {
        if (operation.equals(space.zeroOperation()) || input.equals(ZERO)) {
            return ZERO;
        }
        if (operation.equals(space.identityOperation())) {
            return input;
        }
        return "(" + input + ")@" + operation;
    }

    /** The smallest gene vector whose key is {@code key}. */
    static int[] canonicalGenes(CellSpace space, String key) {
        int[] genes = classes(space).get(key);
        if (genes == null) {
            throw new IllegalArgumentException(
                    "no cell of space '" + space.name() + "' has isomorphism key '" + key + "'");
        }
        return genes.clone();
    }

    /** The number of isomorphism classes of the space. */
    static int classCount(CellSpace space) {
        return classes(space).size();
    }

    private static Map<String, int[]> classes(CellSpace space) {
        return CANONICAL.computeIfAbsent(space, CellIsomorphism::enumerate);
    }

    /** Visits every cell in lexicographic gene order and keeps the first of each class. */
    private static Map<String, int[]> enumerate(CellSpace space) {
        long size = space.size();
        if (size > MAX_ENUMERATED) {
            throw new IllegalStateException("space '" + space.name() + "' has " + size
                    + " cells, over the " + MAX_ENUMERATED
                    + " that canonical forms are enumerated for");
        }
        Map<String, int[]> firsts = new HashMap<>();
        int[] indices = new int[space.edgeCount()];
        for (long n = 0; n < size; n++) {
            firsts.putIfAbsent(key(space, indices), indices.clone());
            increment(indices, space.operations().size());
        }
        return Collections.unmodifiableMap(firsts);
    }

    /** Advances the gene vector as a number whose last gene is the lowest digit. */
    private static void increment(int[] indices, int base) {
        for (int k = indices.length - 1; k >= 0; k--) {
            if (++indices[k] < base) {
                return;
            }
            indices[k] = 0;
        }
        Arrays.fill(indices, 0);
    }
}
