package io.archforge.encoding;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The graph form of a {@link CellSpace}, whose operations sit on edges: every edge
 * that does not carry the zero operation becomes a node labelled with its operation.
 *
 * <p>The input node feeds the edges that leave cell node 0, an edge into cell node
 * {@code j} feeds every edge that leaves {@code j}, and the edges into the last cell
 * node feed the output node. Nodes follow the space's gene order, which is
 * topological. A path from input to output therefore passes the same operations as
 * the matching path through the cell, and a zero edge breaks every path through it.
 * NAS-Bench-201 cells become graphs of at most 8 nodes.
 */
public final class CellGraphForm implements GraphForm {

    private final CellSpace space;
    private final List<String> operations;
    private final int zeroIndex;

    public CellGraphForm(CellSpace space) {
        this.space = Objects.requireNonNull(space, "space");
        this.zeroIndex = space.operations().indexOf(space.zeroOperation());
        List<String> nonZero = new ArrayList<>(space.operations());
        nonZero.remove(zeroIndex);
        this.operations = List.copyOf(nonZero);
    }

    @Override
    public CellSpace space() {
        return space;
    }

    /** The space's operations without the zero operation, in space order. */
    @Override
    public List<String> operations() {
        return operations;
    }

    @Override
    public int cells() {
        return 1;
    }

    @Override
    public int maxNodes() {
        return space.edgeCount() + 2;
    }

    @Override
    public int minPathOperations() {
        return 1;
    }

    @Override
    public int maxPathOperations() {
        return space.nodes() - 1;
    }

    @Override
    public List<ArchitectureGraph> graphs(Architecture architecture) {
        checkSpace(architecture);
        List<CellSpace.Edge> edges = space.edges();
        List<Integer> kept = new ArrayList<>();
        for (int k = 0; k < edges.size(); k++) {
            if (architecture.intGene(k) != zeroIndex) {
                kept.add(k);
            }
        }
        int size = kept.size() + 2;
        int output = size - 1;
        List<String> labels = new ArrayList<>(size);
        labels.add(ArchitectureGraph.INPUT);
        for (int k : kept) {
            labels.add(space.operations().get(architecture.intGene(k)));
        }
        labels.add(ArchitectureGraph.OUTPUT);

        boolean[][] adjacency = new boolean[size][size];
        int last = space.nodes() - 1;
        for (int a = 0; a < kept.size(); a++) {
            CellSpace.Edge edge = edges.get(kept.get(a));
            if (edge.from() == 0) {
                adjacency[0][a + 1] = true;
            }
            if (edge.to() == last) {
                adjacency[a + 1][output] = true;
            }
            for (int b = a + 1; b < kept.size(); b++) {
                if (edges.get(kept.get(b)).from() == edge.to()) {
                    adjacency[a + 1][b + 1] = true;
                }
            }
        }
        return List.of(new ArchitectureGraph(labels, adjacency));
    }
}
