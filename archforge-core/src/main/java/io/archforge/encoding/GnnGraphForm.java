package io.archforge.encoding;

import io.archforge.space.Architecture;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.NasBenchGraphSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The graph form of the NAS-Bench-Graph space ({@link NasBenchGraphSpace}), whose
 * operations are layers: node 0 is the graph input, nodes 1 to 4 are the layers,
 * labelled with their operations, and node 5 is the output.
 *
 * <p>Layer {@code k} has one edge in, from the node its link pattern names, and the
 * layers that no other layer reads have an edge to the output, so every graph has 6
 * nodes. A path passes 1 operation (a layer that reads the input and feeds the output)
 * to 4 (a chain). {@code skip} layers stay nodes, as {@code skip_connect} edges do in
 * {@link CellGraphForm}. Encoding dimensions, from the formulas of {@link PathEncoder}
 * and {@link AdjacencyEncoder} with 9 operations: path
 * {@code 9 + 81 + 729 + 6561 = 7380}, adjacency {@code 15 + 6 * 11 = 81}.
 */
public final class GnnGraphForm implements GraphForm {

    private static final int NODES = NasBenchGraphSpace.LAYERS + 2;

    private final ChoiceSpace space;

    /**
     * Creates the graph form of the NAS-Bench-Graph space.
     *
     * @throws IllegalArgumentException when {@code space} is not
     *     {@link NasBenchGraphSpace#create()}
     */
    public GnnGraphForm(ChoiceSpace space) {
        Objects.requireNonNull(space, "space");
        if (!space.equals(NasBenchGraphSpace.create())) {
            throw new IllegalArgumentException("space '" + space.name()
                    + "' is not the NAS-Bench-Graph space; build it with"
                    + " NasBenchGraphSpace.create()");
        }
        this.space = space;
    }

    @Override
    public ChoiceSpace space() {
        return space;
    }

    @Override
    public List<String> operations() {
        return NasBenchGraphSpace.OPERATIONS;
    }

    @Override
    public int cells() {
        return 1;
    }

    @Override
    public int maxNodes() {
        return NODES;
    }

    @Override
    public int minPathOperations() {
        return 1;
    }

    @Override
    public int maxPathOperations() {
        return NasBenchGraphSpace.LAYERS;
    }

    @Override
    public List<ArchitectureGraph> graphs(Architecture architecture) {
        checkSpace(architecture);
        int[] inputs = NasBenchGraphSpace.inputs(architecture);
        boolean[] leaves = NasBenchGraphSpace.leaves(inputs);
        int output = NODES - 1;

        List<String> labels = new ArrayList<>(NODES);
        labels.add(ArchitectureGraph.INPUT);
        labels.addAll(NasBenchGraphSpace.operations(architecture));
        labels.add(ArchitectureGraph.OUTPUT);

        boolean[][] adjacency = new boolean[NODES][NODES];
        for (int layer = 1; layer <= inputs.length; layer++) {
            adjacency[inputs[layer - 1]][layer] = true;
            if (leaves[layer - 1]) {
                adjacency[layer][output] = true;
            }
        }
        return List.of(new ArchitectureGraph(labels, adjacency));
    }
}
