package io.archforge.encoding;

import io.archforge.space.Architecture;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.DartsSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The graph form of the DARTS space of NAS-Bench-301 ({@link DartsSpace}), whose
 * operations sit on edges: one graph for the normal and one for the reduction cell.
 *
 * <p>A cell becomes {@value #NODES} nodes: the two cell inputs (nodes 0 and 1, both
 * labelled input), one node per edge labelled with the edge's operation (nodes 2 to 9,
 * in {@link DartsSpace#edges} order), and the output (node 10). An edge node is fed by
 * the cell input it reads, or, when it reads intermediate node {@code k}, by the two
 * edge nodes that feed {@code k}, because {@code k} is their sum. Every edge node feeds
 * the output, because DARTS concatenates all four intermediate nodes into the cell's
 * output. A path from an input to the output therefore passes 1 to 4 operations.
 *
 * <p>Encoding dimensions, from the formulas of {@link PathEncoder} and
 * {@link AdjacencyEncoder} with 7 operations, 11 nodes and 2 cells: path
 * {@code 2 * (7 + 49 + 343 + 2401) = 5600}, adjacency {@code 2 * (55 + 11 * 9) = 308}.
 * The one-hot encoding of the space has {@code 2 * (2 * (2 + 3 + 4 + 5) + 8 * 7) = 168}
 * features.
 */
public final class DartsGraphForm implements GraphForm {

    /** The number of nodes of each cell graph: two inputs, eight edges, the output. */
    public static final int NODES = DartsSpace.INPUTS + DartsSpace.EDGES + 1;

    private final ChoiceSpace space;

    /**
     * Creates the graph form of the DARTS space.
     *
     * @throws IllegalArgumentException when {@code space} is not {@link DartsSpace#create()}
     */
    public DartsGraphForm(ChoiceSpace space) {
        Objects.requireNonNull(space, "space");
        if (!space.equals(DartsSpace.create())) {
            throw new IllegalArgumentException("space '" + space.name()
                    + "' is not the NAS-Bench-301 DARTS space; build it with DartsSpace.create()");
        }
        this.space = space;
    }

    @Override
    public ChoiceSpace space() {
        return space;
    }

    @Override
    public List<String> operations() {
        return DartsSpace.OPERATIONS;
    }

    @Override
    public int cells() {
        return DartsSpace.CELLS.size();
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
        return DartsSpace.INTERMEDIATE_NODES;
    }

    @Override
    public List<ArchitectureGraph> graphs(Architecture architecture) {
        checkSpace(architecture);
        List<ArchitectureGraph> graphs = new ArrayList<>(cells());
        for (int cell = 0; cell < cells(); cell++) {
            graphs.add(graph(DartsSpace.edges(architecture, cell)));
        }
        return List.copyOf(graphs);
    }

    private static ArchitectureGraph graph(List<DartsSpace.Edge> edges) {
        int output = NODES - 1;
        List<String> labels = new ArrayList<>(NODES);
        labels.add(ArchitectureGraph.INPUT);
        labels.add(ArchitectureGraph.INPUT);
        boolean[][] adjacency = new boolean[NODES][NODES];
        for (int position = 0; position < edges.size(); position++) {
            DartsSpace.Edge edge = edges.get(position);
            int node = DartsSpace.INPUTS + position;
            labels.add(edge.operation());
            adjacency[node][output] = true;
            if (edge.input() < DartsSpace.INPUTS) {
                adjacency[edge.input()][node] = true;
            } else {
                // The edge nodes of intermediate node k are those of positions 2(k-2), 2(k-2)+1.
                int first = DartsSpace.INPUTS + 2 * (edge.input() - DartsSpace.INPUTS);
                adjacency[first][node] = true;
                adjacency[first + 1][node] = true;
            }
        }
        labels.add(ArchitectureGraph.OUTPUT);
        return new ArchitectureGraph(labels, adjacency);
    }
}
