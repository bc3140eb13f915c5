package io.archforge.torch.supernet;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * One cell edge of a supernet: a block per candidate operation, of which a forward pass
 * runs only the one that the shared {@link PathSelection} selects for this edge. The
 * other operations take no part in the pass, so their parameters get no gradient.
 */
final class ChoiceEdge extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int edge;
    private final PathSelection selection;
    private final List<Block> operations;

    /**
     * Creates an edge.
     *
     * @param edge the edge index in gene order
     * @param names the operation names, in gene index order
     * @param operations one block per name
     */
    ChoiceEdge(int edge, PathSelection selection, List<String> names, List<Block> operations) {
        super(VERSION);
        if (names.size() != operations.size()) {
            throw new IllegalArgumentException(names.size() + " operation names but "
                    + operations.size() + " blocks");
        }
        this.edge = edge;
        this.selection = selection;
        this.operations = List.copyOf(operations);
        for (int k = 0; k < names.size(); k++) {
            addChildBlock(names.get(k), operations.get(k));
        }
    }

    /** Returns the candidate blocks, in gene index order. */
    List<Block> operations() {
        return operations;
    }

    /** Returns the block that forward passes run now. */
    Block selected() {
        return operations.get(selection.operation(edge));
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
            boolean training, PairList<String, Object> params) {
        return selected().forward(parameterStore, inputs, training, params);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        for (Block operation : operations) {
            operation.initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
