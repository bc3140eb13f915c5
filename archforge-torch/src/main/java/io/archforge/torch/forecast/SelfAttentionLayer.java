package io.archforge.torch.forecast;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One transformer encoder layer (Vaswani et al., "Attention Is All You Need", 2017) on
 * [batch, steps, width]: multi-head self-attention, then a feed-forward network of twice
 * the width, each added to its input and followed by layer normalisation. Children, in
 * order: {@code query}, {@code key}, {@code value}, {@code output}, {@code norm1},
 * {@code feedforward1}, {@code feedforward2}, {@code norm2}.
 */
final class SelfAttentionLayer extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int width;
    private final int heads;
    private final float dropout;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear output;
    private final LayerNorm attentionNorm;
    private final Linear expand;
    private final Linear contract;
    private final LayerNorm feedForwardNorm;

    /**
     * Creates a layer.
     *
     * @param width the features per step, a multiple of {@code heads}
     * @param heads the attention heads
     */
    SelfAttentionLayer(int width, int heads, float dropout) {
        super(VERSION);
        if (width % heads != 0) {
            throw new IllegalArgumentException("width " + width + " is not a multiple of "
                    + heads + " heads");
        }
        this.width = width;
        this.heads = heads;
        this.dropout = dropout;
        this.query = addChildBlock("query", linear(width));
        this.key = addChildBlock("key", linear(width));
        this.value = addChildBlock("value", linear(width));
        this.output = addChildBlock("output", linear(width));
        this.attentionNorm = addChildBlock("norm1", LayerNorm.builder().axis(2).build());
        this.expand = addChildBlock("feedforward1", linear(2 * width));
        this.contract = addChildBlock("feedforward2", linear(width));
        this.feedForwardNorm = addChildBlock("norm2", LayerNorm.builder().axis(2).build());
    }

    private static Linear linear(int units) {
        return Linear.builder().setUnits(units).build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
            boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray attended = attend(parameterStore, x, training);
        x = apply(attentionNorm, parameterStore, x.add(drop(attended, training)), training);
        NDArray hidden = Activation.relu(apply(expand, parameterStore, x, training));
        NDArray fed = apply(contract, parameterStore, drop(hidden, training), training);
        x = apply(feedForwardNorm, parameterStore, x.add(drop(fed, training)), training);
        return new NDList(x);
    }

    /** Returns the multi-head scaled dot-product self-attention of {@code x}. */
    private NDArray attend(ParameterStore parameterStore, NDArray x, boolean training) {
        Shape shape = x.getShape();
        long batch = shape.get(0);
        long steps = shape.get(1);
        int size = width / heads;
        NDArray q = split(apply(query, parameterStore, x, training), batch, steps, size);
        NDArray k = split(apply(key, parameterStore, x, training), batch, steps, size);
        NDArray v = split(apply(value, parameterStore, x, training), batch, steps, size);

        // The scale stays open for the backward pass, unlike a scalar given as a Number
        NDArray scale = x.getManager().create((float) (1 / Math.sqrt(size)));
        NDArray weights = q.matMul(k.transpose(0, 1, 3, 2)).mul(scale).softmax(-1);
        NDArray mixed = drop(weights, training).matMul(v).transpose(0, 2, 1, 3)
                .reshape(batch, steps, width);
        return apply(output, parameterStore, mixed, training);
    }

    /** Reshapes [batch, steps, width] to [batch, heads, steps, width / heads]. */
    private NDArray split(NDArray x, long batch, long steps, int size) {
        return x.reshape(batch, steps, heads, size).transpose(0, 2, 1, 3);
    }

    private NDArray drop(NDArray x, boolean training) {
        return Dropout.dropout(x, dropout, training).head();
    }

    private static NDArray apply(AbstractBlock block, ParameterStore parameterStore,
            NDArray x, boolean training) {
        return block.forward(parameterStore, new NDList(x), training).head();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        Shape shape = inputShapes[0];
        for (AbstractBlock block : new AbstractBlock[] {query, key, value, output,
                attentionNorm, expand}) {
            block.initialize(manager, dataType, shape);
        }
        contract.initialize(manager, dataType, new Shape(shape.get(0), shape.get(1),
                2L * width));
        feedForwardNorm.initialize(manager, dataType, shape);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
