package io.archforge.torch.supernet;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * Draws the paths of a cell space in which some edges may be fixed to one operation,
 * as in a sub-supernet of few-shot search or a network of a single cell.
 */
final class PathSampler {

    private static final int FREE = -1;

    private final CellSpace space;
    private final int[] fixed;

    /** Creates a sampler of the whole space. */
    PathSampler(CellSpace space) {
        this(space, free(space.edgeCount()));
    }

    private PathSampler(CellSpace space, int[] fixed) {
        this.space = Objects.requireNonNull(space, "space");
        this.fixed = fixed;
    }

    private static int[] free(int edges) {
        int[] fixed = new int[edges];
        Arrays.fill(fixed, FREE);
        return fixed;
    }

    CellSpace space() {
        return space;
    }

    /**
     * Returns a sampler whose paths also have operation {@code operation} on {@code edge}.
     *
     * @throws IllegalArgumentException when the edge or the operation index is out of
     *     range, or the edge is already fixed to another operation
     */
    PathSampler withFixed(int edge, int operation) {
        if (edge < 0 || edge >= fixed.length) {
            throw new IllegalArgumentException("edge index must be 0 to "
                    + (fixed.length - 1) + ", got " + edge);
        }
        if (operation < 0 || operation >= space.operations().size()) {
            throw new IllegalArgumentException("operation index must be 0 to "
                    + (space.operations().size() - 1) + ", got " + operation);
        }
        if (fixed[edge] != FREE && fixed[edge] != operation) {
            throw new IllegalArgumentException("edge " + space.edges().get(edge)
                    + " is already fixed to " + space.operations().get(fixed[edge]));
        }
        int[] next = fixed.clone();
        next[edge] = operation;
        return new PathSampler(space, next);
    }

    /** Returns the operation index {@code edge} is fixed to, or empty when it is free. */
    OptionalInt fixedOperation(int edge) {
        return fixed[edge] == FREE ? OptionalInt.empty() : OptionalInt.of(fixed[edge]);
    }

    /** Draws every free edge's operation uniformly. */
    Architecture sample(RandomGenerator random) {
        List<Integer> genes = new ArrayList<>();
        for (int edge = 0; edge < fixed.length; edge++) {
            genes.add(fixed[edge] != FREE ? fixed[edge]
                    : random.nextInt(space.operations().size()));
        }
        return space.of(genes);
    }

    /**
     * Draws one random permutation of the operations per free edge and returns as many
     * paths as there are operations: path {@code p} takes element {@code p} of each
     * edge's permutation, so each operation appears once per free edge.
     */
    List<Architecture> fairPaths(RandomGenerator random) {
        int count = space.operations().size();
        int[][] permutations = new int[fixed.length][];
        for (int edge = 0; edge < fixed.length; edge++) {
            permutations[edge] = permutation(count, random);
        }
        List<Architecture> paths = new ArrayList<>(count);
        for (int path = 0; path < count; path++) {
            List<Integer> genes = new ArrayList<>();
            for (int edge = 0; edge < fixed.length; edge++) {
                genes.add(fixed[edge] != FREE ? fixed[edge] : permutations[edge][path]);
            }
            paths.add(space.of(genes));
        }
        return List.copyOf(paths);
    }

    /** Returns a Fisher-Yates shuffle of {@code 0 .. size-1}. */
    private static int[] permutation(int size, RandomGenerator random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /**
     * Returns the operation index of every edge of {@code architecture}.
     *
     * @throws IllegalArgumentException when the architecture is not of the space or
     *     puts another operation on a fixed edge
     */
    int[] check(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture");
        // Rebuilding it from its genes validates the space, the gene count and each index.
        if (!architecture.space().equals(space.name())) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' is of space '" + architecture.space() + "', expected "
                    + space.name());
        }
        space.of(architecture.genes());
        int[] indices = new int[fixed.length];
        for (int edge = 0; edge < fixed.length; edge++) {
            indices[edge] = architecture.intGene(edge);
            if (fixed[edge] != FREE && fixed[edge] != indices[edge]) {
                throw new IllegalArgumentException("architecture '" + architecture.text()
                        + "' has " + space.operations().get(indices[edge]) + " on edge "
                        + space.edges().get(edge) + ", but this supernet fixes that edge to "
                        + space.operations().get(fixed[edge]));
            }
        }
        return indices;
    }
}
