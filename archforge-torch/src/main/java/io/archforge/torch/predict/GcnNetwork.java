package io.archforge.torch.predict;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * The graph convolutional regressor of one ensemble member: stacked {@link
 * GraphConvolution} layers shared by all cells, a graph embedding per cell that
 * averages its real nodes, the cells' embeddings concatenated, and a fully connected
 * head with one hidden ReLU layer and one output.
 *
 * <p>Inputs are the four arrays of {@link GraphBatch#arrays}; the output is one value
 * per architecture, shape [batch].
 */
final class GcnNetwork extends AbstractBlock {

    private static final byte VERSION = 1;

    private final GcnLayout layout;
    private final List<GraphConvolution> layers = new ArrayList<>();
    private final Block head;

    /** Creates an uninitialised network of {@code layout}. */
    GcnNetwork(GcnLayout layout) {
        super(VERSION);
        this.layout = layout;
        int in = layout.labels();
        for (int l = 0; l < layout.layers(); l++) {
            layers.add(addChildBlock("graphConvolution" + l,
                    new GraphConvolution(in, layout.hiddenUnits())));
            in = layout.hiddenUnits();
        }
        head = addChildBlock("head", new SequentialBlock()
                .add(Linear.builder().setUnits(layout.headUnits()).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(1).build()));
    }

    /** Returns the input shapes for {@link #initialize}, with a batch of one. */
    Shape[] inputShapes() {
        int cells = layout.cells();
        int nodes = layout.nodes();
        return new Shape[] {new Shape(1, cells, nodes, layout.labels()),
            new Shape(1, cells, nodes, nodes), new Shape(1, cells, nodes, nodes),
            new Shape(1, cells, nodes)};
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
            boolean training, PairList<String, Object> params) {
        long batch = inputs.get(0).getShape().get(0);
        int nodes = layout.nodes();

        // Every cell of every architecture is one graph to the convolution layers
        NDArray features = inputs.get(0).reshape(-1, nodes, layout.labels());
        NDArray fromPredecessors = inputs.get(1).reshape(-1, nodes, nodes);
        NDArray fromSuccessors = inputs.get(2).reshape(-1, nodes, nodes);
        NDArray mask = inputs.get(3).reshape(-1, nodes, 1);
        for (GraphConvolution layer : layers) {
            features = layer.forward(parameterStore,
                    new NDList(features, fromPredecessors, fromSuccessors), training, params)
                    .singletonOrThrow();
        }

        // Mean over each graph's real nodes, then one row of cell embeddings per architecture
        NDArray pooled = features.mul(mask).sum(new int[] {1}).div(mask.sum(new int[] {1}));
        NDArray embedding = pooled.reshape(batch, (long) layout.cells() * layout.hiddenUnits());
        NDArray output = head.forward(parameterStore, new NDList(embedding), training, params)
                .singletonOrThrow();
        return new NDList(output.reshape(batch));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        int nodes = layout.nodes();
        Shape propagation = new Shape(1, nodes, nodes);
        int in = layout.labels();
        for (GraphConvolution layer : layers) {
            layer.initialize(manager, dataType, new Shape(1, nodes, in), propagation,
                    propagation);
            in = layout.hiddenUnits();
        }
        head.initialize(manager, dataType,
                new Shape(1, (long) layout.cells() * layout.hiddenUnits()));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0))};
    }
}
