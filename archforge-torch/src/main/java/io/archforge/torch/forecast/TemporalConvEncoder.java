package io.archforge.torch.forecast;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A temporal convolutional network (Bai, Kolter and Koltun, 2018): residual blocks of
 * two dilated causal convolutions each, with kernel {@value #KERNEL} and dilation
 * {@code 2^(i-1)} in block {@code i}, so three blocks see 29 steps. Maps [batch, steps]
 * to [batch, hidden], the features of the last step.
 *
 * <p>A convolution is made causal by padding both ends by {@code (kernel - 1) *
 * dilation} and dropping as many outputs from the end, so output {@code t} reads inputs
 * up to {@code t} only. Block 1 adds its input through a 1x1 convolution, because the
 * input has one channel. Children: {@code block1_residual}, then {@code blockI_conv1}
 * and {@code blockI_conv2} for each block.
 */
final class TemporalConvEncoder extends AbstractBlock {

    private static final byte VERSION = 1;
    static final int KERNEL = 3;

    private final int hidden;
    private final float dropout;
    private final List<Conv1d> first = new ArrayList<>();
    private final List<Conv1d> second = new ArrayList<>();
    private final Conv1d residual;

    TemporalConvEncoder(int hidden, int depth, float dropout) {
        super(VERSION);
        this.hidden = hidden;
        this.dropout = dropout;
        // The residual comes first, so that a deeper network keeps the names of a shallower one
        this.residual = addChildBlock("block1_residual", Conv1d.builder()
                .setKernelShape(new Shape(1)).setFilters(hidden).build());
        for (int block = 1; block <= depth; block++) {
            int dilation = 1 << (block - 1);
            int padding = (KERNEL - 1) * dilation;
            first.add(addChildBlock("block" + block + "_conv1",
                    causal(hidden, dilation, padding)));
            second.add(addChildBlock("block" + block + "_conv2",
                    causal(hidden, dilation, padding)));
        }
    }

    private static Conv1d causal(int hidden, int dilation, int padding) {
        return Conv1d.builder().setKernelShape(new Shape(KERNEL)).setFilters(hidden)
                .optDilation(new Shape(dilation)).optPadding(new Shape(padding)).build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
            boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow().expandDims(1);
        long steps = x.getShape().get(2);
        for (int block = 0; block < first.size(); block++) {
            NDArray y = convolve(first.get(block), parameterStore, x, steps, training);
            y = convolve(second.get(block), parameterStore, y, steps, training);
            NDArray skip = block == 0
                    ? residual.forward(parameterStore, new NDList(x), training).head() : x;
            x = Activation.relu(y.add(skip));
        }
        return new NDList(x.get(new NDIndex(":, :, -1")));
    }

    /** Runs one causal convolution, then ReLU and dropout. */
    private NDArray convolve(Conv1d convolution, ParameterStore parameterStore, NDArray x,
            long steps, boolean training) {
        NDArray y = convolution.forward(parameterStore, new NDList(x), training).head();
        y = y.get(new NDIndex(":, :, :{}", steps));
        return Dropout.dropout(Activation.relu(y), dropout, training).head();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        Shape window = inputShapes[0];
        Shape single = new Shape(window.get(0), 1, window.get(1));
        Shape wide = new Shape(window.get(0), hidden, window.get(1));
        for (int block = 0; block < first.size(); block++) {
            first.get(block).initialize(manager, dataType, block == 0 ? single : wide);
            second.get(block).initialize(manager, dataType, wide);
        }
        residual.initialize(manager, dataType, single);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), hidden)};
    }
}
