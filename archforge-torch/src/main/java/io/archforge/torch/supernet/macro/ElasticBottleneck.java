package io.archforge.torch.supernet.macro;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.archforge.space.MacroSpace.StageSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * An inverted-bottleneck block of the macro space whose width, expansion and kernel size
 * are chosen per forward pass, with the layout and residual rule of {@code
 * MacroNetworkBuilder.block}.
 *
 * <p>With expansion {@code e > 1} the block runs a 1x1 expansion to {@code width * e}
 * channels, a depthwise convolution on them and a 1x1 projection to {@code width}, each
 * followed by batch norm and all but the projection by ReLU. With {@code e = 1} the
 * expansion is skipped, so the depthwise convolution runs on the block's input channels.
 * It then uses the first {@code inputChannels} depthwise filters, the same weights that
 * the first hidden channels of an expanded block use. The input is added to the output
 * when the stage has the residual on, the stride is 1 and the input has {@code width}
 * channels.
 */
final class ElasticBottleneck extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int stride;
    private final ElasticConvolution expand;
    private final ElasticBatchNorm expandNorm;
    private final ElasticConvolution depthwise;
    private final ElasticBatchNorm depthwiseNorm;
    private final ElasticConvolution project;
    private final ElasticBatchNorm projectNorm;

    private boolean expanded;
    private boolean residual;

    /**
     * Creates a block in its largest form.
     *
     * @param maxIn the widest input
     * @param maxWidth the widest output
     * @param maxExpansion the largest expansion ratio
     * @param maxKernel the largest depthwise kernel, odd
     * @param stride the depthwise convolution's stride
     */
    ElasticBottleneck(int maxIn, int maxWidth, int maxExpansion, int maxKernel, int stride) {
        super(VERSION);
        int maxHidden = Math.max(maxIn, maxWidth * maxExpansion);
        this.stride = stride;
        this.expand = addChildBlock("expand", ElasticConvolution.pointwise(maxIn, maxHidden));
        this.expandNorm = addChildBlock("expandNorm", new ElasticBatchNorm(maxHidden));
        this.depthwise = addChildBlock("depthwise",
                ElasticConvolution.depthwise(maxHidden, maxKernel, stride));
        this.depthwiseNorm = addChildBlock("depthwiseNorm", new ElasticBatchNorm(maxHidden));
        this.project = addChildBlock("project",
                ElasticConvolution.pointwise(maxHidden, maxWidth));
        this.projectNorm = addChildBlock("projectNorm", new ElasticBatchNorm(maxWidth));
        this.expanded = true;
        this.residual = false;
    }

    /**
     * Sets the active form for a block of {@code spec} that reads {@code inputChannels}.
     *
     * @throws IllegalArgumentException when a size exceeds the largest form
     */
    void activate(StageSpec spec, int inputChannels) {
        expanded = spec.expansion() > 1;
        int hidden = expanded ? spec.width() * spec.expansion() : inputChannels;
        if (expanded) {
            expand.activate(inputChannels, hidden, 1);
            expandNorm.activate(hidden);
        }
        depthwise.activate(hidden, hidden, spec.kernel());
        depthwiseNorm.activate(hidden);
        project.activate(hidden, spec.width(), 1);
        projectNorm.activate(spec.width());
        residual = spec.residual() && stride == 1 && inputChannels == spec.width();
    }

    /** Returns the used parameter slices, in the order of the forward pass. */
    List<ParameterSlice> activeSlices() {
        List<ParameterSlice> slices = new ArrayList<>();
        if (expanded) {
            slices.addAll(expand.activeSlices());
            slices.addAll(expandNorm.activeSlices());
        }
        slices.addAll(depthwise.activeSlices());
        slices.addAll(depthwiseNorm.activeSlices());
        slices.addAll(project.activeSlices());
        slices.addAll(projectNorm.activeSlices());
        return slices;
    }

    /** Returns the number of trainable values the active form uses. */
    long activeParameters() {
        long count = depthwise.activeParameters() + depthwiseNorm.activeParameters()
                + project.activeParameters() + projectNorm.activeParameters();
        if (expanded) {
            count += expand.activeParameters() + expandNorm.activeParameters();
        }
        return count;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
            boolean training, PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        NDArray hidden = input;
        if (expanded) {
            hidden = apply(expand, hidden, parameterStore, training, params);
            hidden = Activation.relu(apply(expandNorm, hidden, parameterStore, training, params));
        }
        hidden = apply(depthwise, hidden, parameterStore, training, params);
        hidden = Activation.relu(apply(depthwiseNorm, hidden, parameterStore, training, params));
        hidden = apply(project, hidden, parameterStore, training, params);
        NDArray output = apply(projectNorm, hidden, parameterStore, training, params);
        return new NDList(residual ? output.add(input) : output);
    }

    private static NDArray apply(Block block, NDArray input, ParameterStore parameterStore,
            boolean training, PairList<String, Object> params) {
        return block.forward(parameterStore, new NDList(input), training, params)
                .singletonOrThrow();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType,
            Shape... inputShapes) {
        Shape shape = inputShapes[0];
        for (Block child : getChildren().values()) {
            child.initialize(manager, dataType, shape);
            shape = child.getOutputShapes(new Shape[] {shape})[0];
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape shape = inputShapes[0];
        if (expanded) {
            shape = expand.getOutputShapes(new Shape[] {shape})[0];
        }
        shape = depthwise.getOutputShapes(new Shape[] {shape})[0];
        return project.getOutputShapes(new Shape[] {shape});
    }
}
