package io.archforge.torch.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head causal self-attention on [batch, steps, width] (Vaswani et al., "Attention
 * Is All You Need", 2017, with the decoder's mask): position {@code t} attends to
 * positions {@code 0..t} only. One linear layer projects to queries, keys and values
 * together, and a second one projects the joined heads back to the width. Children:
 * {@code qkv}, {@code projection}.
 */
final class CausalSelfAttention extends AbstractBlock {

    private static final byte VERSION = 1;
    /** Added to the scores of future positions; softmax turns it into a weight of 0. */
    private static final float MASKED = -1e9f;

    private final int width;
    private final int heads;
    private final Linear qkv;
    private final Linear projection;

    /**
     * Creates the block.
     *
     * @param width the features per step, a multiple of {@code heads}
     * @param heads the attention heads
     * @param bias whether both linear layers have a bias
     */
    CausalSelfAttention(int width, int heads, boolean bias) {
        super(VERSION);
        if (heads < 1 || width % heads != 0) {
            throw new IllegalArgumentException("width " + width + " is not a multiple of "
                    + heads + " heads");
        }
        this.width = width;
        this.heads = heads;
        this.qkv = addChildBlock("qkv", Linear.builder().setUnits(3L * width)
                .optBias(bias).build());
        this.projection = addChildBlock("projection", Linear.builder().setUnits(width)
                .optBias(bias).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
            boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        long batch = x.getShape().get(0);
        long steps = x.getShape().get(1);
        int size = width / heads;

        // Queries, keys and values as [batch, heads, steps, size]
        NDList parts = qkv.forward(parameterStore, new NDList(x), training).head()
                .split(3, 2);
        NDArray q = splitHeads(parts.get(0), batch, steps, size);
        NDArray k = splitHeads(parts.get(1), batch, steps, size);
        NDArray v = splitHeads(parts.get(2), batch, steps, size);

        // Scaled scores with the future masked out, then the weighted values
        NDArray scale = x.getManager().create((float) (1 / Math.sqrt(size)));
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(scale)
                .add(futureMask(x.getManager(), steps));
        NDArray mixed = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3)
                .reshape(batch, steps, width);
        return projection.forward(parameterStore, new NDList(mixed), training);
    }

    /** Returns [steps, steps] with {@value #MASKED} where the column lies after the row. */
    static NDArray futureMask(NDManager manager, long steps) {
        NDArray positions = manager.arange((int) steps);
        NDArray future = positions.reshape(1, steps).gt(positions.reshape(steps, 1));
        return future.toType(DataType.FLOAT32, false).mul(MASKED);
    }

    private NDArray splitHeads(NDArray x, long batch, long steps, int size) {
        return x.reshape(batch, steps, heads, size).transpose(0, 2, 1, 3);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        qkv.initialize(manager, dataType, inputShapes[0]);
        projection.initialize(manager, dataType, inputShapes[0]);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
