package io.archforge.torch.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One pre-LayerNorm decoder block of GPT-2 (Radford et al., "Language Models are
 * Unsupervised Multitask Learners", 2019) on [batch, steps, width]: {@code x + attention(
 * norm1(x))}, then {@code x + mlp(norm2(x))}, where the MLP widens to {@code mlpRatio}
 * times the width, applies GELU and projects back. Children: {@code norm1},
 * {@code attention}, {@code norm2}, {@code expand}, {@code contract}.
 */
final class DecoderBlock extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int width;
    private final int mlpRatio;
    private final LayerNorm attentionNorm;
    private final CausalSelfAttention attention;
    private final LayerNorm mlpNorm;
    private final Linear expand;
    private final Linear contract;

    /**
     * Creates the block.
     *
     * @param width the features per step, a multiple of {@code heads}
     * @param heads the attention heads
     * @param mlpRatio the MLP's hidden width over {@code width}
     * @param bias whether linear layers and layer norms have a bias (a shift)
     */
    DecoderBlock(int width, int heads, int mlpRatio, boolean bias) {
        super(VERSION);
        this.width = width;
        this.mlpRatio = mlpRatio;
        this.attentionNorm = addChildBlock("norm1", layerNorm(bias));
        this.attention = addChildBlock("attention", new CausalSelfAttention(width, heads, bias));
        this.mlpNorm = addChildBlock("norm2", layerNorm(bias));
        this.expand = addChildBlock("expand", Linear.builder()
                .setUnits((long) mlpRatio * width).optBias(bias).build());
        this.contract = addChildBlock("contract", Linear.builder().setUnits(width)
                .optBias(bias).build());
    }

    /** Returns a layer norm over the last axis of [batch, steps, width]. */
    static LayerNorm layerNorm(boolean bias) {
        return LayerNorm.builder().axis(2).optCenter(bias).optScale(true).build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
            boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray attended = attention.forward(parameterStore,
                attentionNorm.forward(parameterStore, new NDList(x), training), training).head();
        x = x.add(attended);
        NDArray hidden = expand.forward(parameterStore,
                mlpNorm.forward(parameterStore, new NDList(x), training), training).head();
        NDArray fed = contract.forward(parameterStore, new NDList(Activation.gelu(hidden)),
                training).head();
        return new NDList(x.add(fed));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        Shape shape = inputShapes[0];
        attentionNorm.initialize(manager, dataType, shape);
        attention.initialize(manager, dataType, shape);
        mlpNorm.initialize(manager, dataType, shape);
        expand.initialize(manager, dataType, shape);
        contract.initialize(manager, dataType,
                new Shape(shape.get(0), shape.get(1), (long) mlpRatio * width));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
