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
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * Fully connected layers over the whole window: [batch, steps] to [batch, hidden], each
 * layer a linear map, ReLU and dropout. Layer {@code i} is the child {@code layerI}.
 */
final class MlpEncoder extends AbstractBlock {

    private static final byte VERSION = 1;

    private final int hidden;
    private final float dropout;
    private final List<Linear> layers = new ArrayList<>();

    MlpEncoder(int hidden, int depth, float dropout) {
        super(VERSION);
        this.hidden = hidden;
        this.dropout = dropout;
        for (int layer = 1; layer <= depth; layer++) {
            layers.add(addChildBlock("layer" + layer,
                    Linear.builder().setUnits(hidden).build()));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
            boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        for (Linear layer : layers) {
            x = layer.forward(parameterStore, new NDList(x), training).singletonOrThrow();
            x = Dropout.dropout(Activation.relu(x), dropout, training).singletonOrThrow();
        }
        return new NDList(x);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        Shape shape = inputShapes[0];
        for (Linear layer : layers) {
            layer.initialize(manager, dataType, shape);
            shape = layer.getOutputShapes(new Shape[] {shape})[0];
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), hidden)};
    }
}
