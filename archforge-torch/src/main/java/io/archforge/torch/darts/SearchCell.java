package io.archforge.torch.darts;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.archforge.space.CellSpace.Edge;
import io.archforge.torch.nb201.Nb201Cell;
import java.util.List;

/** A NAS-Bench-201 cell whose every edge is a {@link MixedEdge}. */
final class SearchCell extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int nodes;
    private final List<Edge> edges;
    private final List<MixedEdge> mixed;

    SearchCell(int nodes, List<Edge> edges, List<MixedEdge> mixed) {
        super(VERSION);
        this.nodes = nodes;
        this.edges = List.copyOf(edges);
        this.mixed = List.copyOf(mixed);
        for (int k = 0; k < edges.size(); k++) {
            addChildBlock(edges.get(k).toString(), mixed.get(k));
        }
    }

    NDArray forward(ParameterStore store, NDArray input, boolean training, EdgeRouting routing) {
        return Nb201Cell.sumEdges(nodes, edges, input,
                (k, x) -> mixed.get(k).forward(store, x, training, routing, k));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        throw new UnsupportedOperationException("a search cell cannot run without an"
                + " EdgeRouting, so call SearchNetwork.forward with a routing instead");
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        for (MixedEdge edge : mixed) {
            edge.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
