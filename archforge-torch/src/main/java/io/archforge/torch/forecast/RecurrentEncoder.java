package io.archforge.torch.forecast;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.recurrent.RecurrentBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A stacked GRU or LSTM over the window, one value per step: [batch, steps] to [batch,
 * hidden], the output of the last step. Dropout applies between stacked layers. The
 * recurrent block is the child {@code gru} or {@code lstm}.
 */
final class RecurrentEncoder extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int hidden;
    private final RecurrentBlock recurrent;

    /**
     * Creates an encoder.
     *
     * @param lstm true for an LSTM, false for a GRU
     */
    RecurrentEncoder(boolean lstm, int hidden, int depth, float dropout) {
        super(VERSION);
        this.hidden = hidden;
        float between = depth > 1 ? dropout : 0;
        RecurrentBlock block = lstm
                ? LSTM.builder().setStateSize(hidden).setNumLayers(depth).optBatchFirst(true)
                        .optDropRate(between).optReturnState(false).build()
                : GRU.builder().setStateSize(hidden).setNumLayers(depth).optBatchFirst(true)
                        .optDropRate(between).optReturnState(false).build();
        this.recurrent = addChildBlock(lstm ? "lstm" : "gru", block);
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
            boolean training, PairList<String, Object> params) {
        NDArray window = inputs.singletonOrThrow();
        NDArray sequence = window.expandDims(2);
        NDArray outputs = recurrent.forward(parameterStore, new NDList(sequence), training)
                .head();
        return new NDList(outputs.get(new NDIndex(":, -1, :")));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        Shape window = inputShapes[0];
        recurrent.initialize(manager, dataType, new Shape(window.get(0), window.get(1), 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), hidden)};
    }
}
