package io.archforge.encoding;

import io.archforge.space.Architecture;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.Nb101Space;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The graph form of the NAS-Bench-101 space ({@link Nb101Space}), whose operations sit
 * on nodes: the pruned cell itself, with node 0 the input, the last node the output and
 * the kept inner nodes labelled with their operations.
 *
 * <p>Nodes on no path from input to output are dropped first, as NAS-Bench-101 does, so
 * a graph has 2 to 7 nodes and cells that prune alike get equal graphs. A cell whose
 * input does not reach its output, which the benchmark rejects, becomes the input and
 * the output node without an edge, so every path-based feature of it is 0. Paths carry 0
 * (input straight to output) to 5 operations.
 *
 * <p>Encoding dimensions, from the formulas of {@link PathEncoder} and
 * {@link AdjacencyEncoder} with 3 operations and 7 nodes: path
 * {@code 1 + 3 + 9 + 27 + 81 + 243 = 364}, adjacency {@code 21 + 7 * 5 = 56}. The
 * one-hot encoding of the space has {@code 21 * 2 + 5 * 3 = 57} features.
 */
public final class Nb101GraphForm implements GraphForm {

    private final ChoiceSpace space;

    /**
     * Creates the graph form of the NAS-Bench-101 space.
     *
     * @throws IllegalArgumentException when {@code space} is not {@link Nb101Space#create()}
     */
    public Nb101GraphForm(ChoiceSpace space) {
        Objects.requireNonNull(space, "space");
        if (!space.equals(Nb101Space.create())) {
            throw new IllegalArgumentException("space '" + space.name()
                    + "' is not the NAS-Bench-101 space; build it with Nb101Space.create()");
        }
        this.space = space;
    }

    @Override
    public ChoiceSpace space() {
        return space;
    }

    @Override
    public List<String> operations() {
        return Nb101Space.OPERATIONS;
    }

    @Override
    public int cells() {
        return 1;
    }

    @Override
    public int maxNodes() {
        return Nb101Space.NODES;
    }

    @Override
    public int minPathOperations() {
        return 0;
    }

    @Override
    public int maxPathOperations() {
        return Nb101Space.NODES - 2;
    }

    @Override
    public List<ArchitectureGraph> graphs(Architecture architecture) {
        checkSpace(architecture);
        Optional<Nb101Space.Cell> pruned = Nb101Space.prune(architecture);
        if (pruned.isEmpty()) {
            List<String> labels = List.of(ArchitectureGraph.INPUT, ArchitectureGraph.OUTPUT);
            return List.of(new ArchitectureGraph(labels, new boolean[2][2]));
        }
        Nb101Space.Cell cell = pruned.get();
        boolean[][] adjacency = new boolean[cell.size()][cell.size()];
        for (Nb101Space.Edge edge : cell.edges()) {
            adjacency[edge.from()][edge.to()] = true;
        }
        return List.of(new ArchitectureGraph(cell.labels(), adjacency));
    }
}
