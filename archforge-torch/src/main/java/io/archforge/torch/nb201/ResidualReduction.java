package io.archforge.torch.nb201;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** The sum of a main path and a shortcut, both of which halve the side and double the channels. */
public final class ResidualReduction extends AbstractBlock {

    private static final byte VERSION = 1;

    private final Block main;
    private final Block shortcut;

    ResidualReduction(Block main, Block shortcut) {
        super(VERSION);
        this.main = addChildBlock("main", main);
        this.shortcut = addChildBlock("shortcut", shortcut);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
            boolean training, PairList<String, Object> params) {
        NDArray a = main.forward(parameterStore, inputs, training, params).singletonOrThrow();
        NDArray b = shortcut.forward(parameterStore, inputs, training, params)
                .singletonOrThrow();
        return new NDList(a.add(b));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        main.initialize(manager, dataType, inputShapes);
        shortcut.initialize(manager, dataType, inputShapes);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return main.getOutputShapes(inputShapes);
    }
}
