package io.archforge.torch.supernet.macro;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * A bias-free 2-D convolution that stores the weights of its largest form and runs on a
 * slice of them.
 *
 * <p>The full weight has shape {@code [maxOut, maxIn / groups, maxKernel, maxKernel]}.
 * The active form uses the first {@code out} filters, the first {@code in} input
 * channels and the centre {@code kernel x kernel} window of each filter. A depthwise
 * convolution has one group per channel, so {@code in} equals {@code out}. The slices
 * are views of the full weight, so autograd writes their gradients into it. Padding is
 * {@code kernel / 2}, which keeps the resolution at stride 1.
 */
final class ElasticConvolution extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final Shape NO_DILATION = new Shape(1, 1);

    private final int maxIn;
    private final int maxOut;
    private final int maxKernel;
    private final int stride;
    private final boolean depthwise;
    private final Parameter weight;

    private int in;
    private int out;
    private int kernel;

    private ElasticConvolution(int maxIn, int maxOut, int maxKernel, int stride,
            boolean depthwise) {
        super(VERSION);
        if (maxKernel % 2 == 0) {
            throw new IllegalArgumentException("kernel size must be odd, got " + maxKernel);
        }
        this.maxIn = maxIn;
        this.maxOut = maxOut;
        this.maxKernel = maxKernel;
        this.stride = stride;
        this.depthwise = depthwise;
        this.weight = addParameter(Parameter.builder()
                .setName("weight")
                .setType(Parameter.Type.WEIGHT)
                .optShape(new Shape(maxOut, depthwise ? 1 : maxIn, maxKernel, maxKernel))
                .build());
        activate(maxIn, maxOut, maxKernel);
    }

    /** Creates a full convolution with a fixed kernel and elastic channel counts. */
    static ElasticConvolution full(int maxIn, int maxOut, int kernel, int stride) {
        return new ElasticConvolution(maxIn, maxOut, kernel, stride, false);
    }

    /** Creates a 1x1 convolution with stride 1 and elastic channel counts. */
    static ElasticConvolution pointwise(int maxIn, int maxOut) {
        return new ElasticConvolution(maxIn, maxOut, 1, 1, false);
    }

    /** Creates a depthwise convolution with elastic channels and kernel size. */
    static ElasticConvolution depthwise(int maxChannels, int maxKernel, int stride) {
        return new ElasticConvolution(maxChannels, maxChannels, maxKernel, stride, true);
    }

    /**
     * Sets the active form.
     *
     * @throws IllegalArgumentException when a size exceeds the full form, the kernel is
     *     even, or a depthwise convolution gets different input and output channels
     */
    void activate(int inChannels, int outChannels, int kernelSize) {
        if (inChannels < 1 || inChannels > maxIn || outChannels < 1 || outChannels > maxOut
                || kernelSize < 1 || kernelSize > maxKernel || kernelSize % 2 == 0) {
            throw new IllegalArgumentException("invalid active convolution " + inChannels
                    + "->" + outChannels + " with kernel " + kernelSize + "; the full form is "
                    + maxIn + "->" + maxOut + " with kernel " + maxKernel);
        }
        if (depthwise && inChannels != outChannels) {
            throw new IllegalArgumentException("a depthwise convolution keeps the channels, got "
                    + inChannels + "->" + outChannels);
        }
        this.in = inChannels;
        this.out = outChannels;
        this.kernel = kernelSize;
    }

    /** Returns the index of the active slice within the full weight. */
    NDIndex activeSlice() {
        int offset = (maxKernel - kernel) / 2;
        return new NDIndex()
                .addSliceDim(0, out)
                .addSliceDim(0, depthwise ? 1 : in)
                .addSliceDim(offset, offset + kernel)
                .addSliceDim(offset, offset + kernel);
    }

    /** Returns the used slice of the weight. */
    List<ParameterSlice> activeSlices() {
        return List.of(new ParameterSlice(weight, activeSlice()));
    }

    /** Returns the number of weights the active form uses. */
    long activeParameters() {
        return (long) out * (depthwise ? 1 : in) * kernel * kernel;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
            boolean training, PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        NDArray full = parameterStore.getValue(weight, input.getDevice(), training);

        // The slice belongs to the input's manager, so it is freed with the activations.
        NDArray active = full.get(input.getManager(), activeSlice());
        int padding = kernel / 2;
        return Conv2d.conv2d(input, active, null, new Shape(stride, stride),
                new Shape(padding, padding), NO_DILATION, depthwise ? out : 1);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape input = inputShapes[0];
        int padding = kernel / 2;
        long rows = (input.get(2) + 2L * padding - kernel) / stride + 1;
        long columns = (input.get(3) + 2L * padding - kernel) / stride + 1;
        return new Shape[] {new Shape(input.get(0), out, rows, columns)};
    }
}
