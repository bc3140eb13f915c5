package io.archforge.torch.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import io.archforge.space.TinyGptSpace.Block;
import io.archforge.space.TinyGptSpace.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A decoder-only causal transformer over characters, in the form of GPT-2: token and
 * learned position embeddings, the {@link DecoderBlock}s of a {@link Config}, each with
 * its own heads and MLP ratio, a final layer norm, and an output head tied to the token
 * embedding (the logits are the final states times the embedding matrix transposed),
 * so the head adds no parameters.
 *
 * <p>Input: token ids [batch, steps] with {@code steps <= context}, of any numeric type
 * (they are cast to int64). Output: logits [batch, steps, vocabulary].
 */
public final class CharTransformer extends AbstractBlock {

    private static final byte VERSION = 1;
    /** The standard deviation of the initial embeddings, as in GPT-2. */
    private static final float EMBEDDING_SIGMA = 0.02f;

    private final int vocabulary;
    private final int context;
    private final int width;
    private final Parameter tokenEmbedding;
    private final Parameter positionEmbedding;
    private final List<DecoderBlock> blocks = new ArrayList<>();
    private final LayerNorm finalNorm;

    /**
     * Creates the network.
     *
     * @param config the width, the bias switch and the blocks
     * @param vocabulary the number of token ids
     * @param context the maximum steps of an input
     */
    public CharTransformer(Config config, int vocabulary, int context) {
        super(VERSION);
        Objects.requireNonNull(config, "config");
        if (vocabulary < 2 || context < 1) {
            throw new IllegalArgumentException("need a vocabulary of at least 2 and a context"
                    + " of at least 1, got " + vocabulary + " and " + context);
        }
        this.vocabulary = vocabulary;
        this.context = context;
        this.width = config.embed();
        this.tokenEmbedding = addParameter(embedding("token_embedding", vocabulary));
        this.positionEmbedding = addParameter(embedding("position_embedding", context));
        for (int i = 0; i < config.blocks().size(); i++) {
            Block block = config.blocks().get(i);
            blocks.add(addChildBlock("block" + (i + 1), new DecoderBlock(width, block.heads(),
                    block.mlpRatio(), config.bias())));
        }
        this.finalNorm = addChildBlock("final_norm", DecoderBlock.layerNorm(config.bias()));
    }

    private Parameter embedding(String name, int rows) {
        return Parameter.builder().setName(name).setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(rows, width))
                .optInitializer(new NormalInitializer(EMBEDDING_SIGMA)).build();
    }

    /** Returns the maximum steps of an input. */
    public int context() {
        return context;
    }

    /** Returns the number of token ids. */
    public int vocabulary() {
        return vocabulary;
    }

    /** Returns the number of trainable parameters; the network must be initialized. */
    public long trainableParameters() {
        long count = 0;
        for (Parameter parameter : getParameters().values()) {
            if (parameter.requiresGradient()) {
                count += parameter.getArray().size();
            }
        }
        return count;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
            boolean training, PairList<String, Object> params) {
        NDArray tokens = inputs.singletonOrThrow().toType(DataType.INT64, false);
        long steps = tokens.getShape().get(1);
        if (steps > context) {
            throw new IllegalArgumentException("input has " + steps + " steps, more than the"
                    + " context of " + context);
        }
        NDArray embeddings = parameterStore.getValue(tokenEmbedding, tokens.getDevice(),
                training);
        NDArray positions = parameterStore.getValue(positionEmbedding, tokens.getDevice(),
                training);

        // Token embedding as a one-hot product, so the tied head shares its gradient
        NDArray x = tokens.oneHot(vocabulary).matMul(embeddings)
                .add(positions.get(new NDIndex("0:{}", steps)));
        NDList states = new NDList(x);
        for (DecoderBlock block : blocks) {
            states = block.forward(parameterStore, states, training);
        }
        NDArray normed = finalNorm.forward(parameterStore, states, training).head();
        return new NDList(normed.matMul(embeddings.transpose()));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        Shape states = new Shape(inputShapes[0].get(0), inputShapes[0].get(1), width);
        for (DecoderBlock block : blocks) {
            block.initialize(manager, dataType, states);
        }
        finalNorm.initialize(manager, dataType, states);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1), vocabulary)};
    }
}
