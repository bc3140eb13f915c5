package io.archforge.torch.forecast;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A small transformer encoder over patches of the window, as in PatchTST (Nie et al., "A
 * Time Series is Worth 64 Words", ICLR 2023): the window is cut into patches of
 * {@link #patchLength} consecutive steps, each patch is embedded linearly into {@code
 * hidden} features plus a learned position embedding, the tokens pass {@code depth}
 * {@link SelfAttentionLayer}s with one head per {@value #HEAD_WIDTH} features, and the
 * features of all tokens are flattened. Patches make attention over a 96-step window
 * cost 12 tokens instead of 96. Maps [batch, steps] to [batch, steps / patch * hidden].
 * Children: {@code embedding}, then {@code layerI}; the position embedding is the
 * parameter {@code position}.
 */
final class AttentionEncoder extends AbstractBlock {

    private static final byte VERSION = 1;
    /** The features per attention head. */
    static final int HEAD_WIDTH = 16;
    /** The maximum patch length. */
    static final int MAX_PATCH = 8;

    private final int hidden;
    private final int patch;
    private final int tokens;
    private final Linear embedding;
    private final Parameter position;
    private final List<SelfAttentionLayer> layers = new ArrayList<>();

    AttentionEncoder(int steps, int hidden, int depth, float dropout) {
        super(VERSION);
        this.hidden = hidden;
        this.patch = patchLength(steps);
        this.tokens = steps / patch;
        this.embedding = addChildBlock("embedding", Linear.builder().setUnits(hidden).build());
        this.position = addParameter(Parameter.builder().setName("position")
                .setType(Parameter.Type.WEIGHT).optShape(new Shape(tokens, hidden))
                .optInitializer(new NormalInitializer(0.02f)).build());
        int heads = Math.max(1, hidden / HEAD_WIDTH);
        for (int layer = 1; layer <= depth; layer++) {
            layers.add(addChildBlock("layer" + layer,
                    new SelfAttentionLayer(hidden, heads, dropout)));
        }
    }

    /**
     * Returns the patch length for a window of {@code steps}: the largest divisor of
     * {@code steps} up to {@value #MAX_PATCH}, so the patches tile the window exactly.
     */
    static int patchLength(int steps) {
        for (int length = Math.min(MAX_PATCH, steps); length > 1; length--) {
            if (steps % length == 0) {
                return length;
            }
        }
        return 1;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
            boolean training, PairList<String, Object> params) {
        NDArray window = inputs.singletonOrThrow();
        NDArray positions = parameterStore.getValue(position, window.getDevice(), training);
        NDArray patches = window.reshape(window.getShape().get(0), tokens, patch);
        NDArray x = embedding.forward(parameterStore, new NDList(patches), training).head()
                .add(positions);
        for (SelfAttentionLayer layer : layers) {
            x = layer.forward(parameterStore, new NDList(x), training).head();
        }
        return new NDList(x.reshape(x.getShape().get(0), -1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        Shape window = inputShapes[0];
        embedding.initialize(manager, dataType, new Shape(window.get(0), tokens, patch));
        Shape features = new Shape(window.get(0), tokens, hidden);
        for (SelfAttentionLayer layer : layers) {
            layer.initialize(manager, dataType, features);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape window = inputShapes[0];
        return new Shape[] {new Shape(window.get(0), (long) tokens * hidden)};
    }
}
