package io.archforge.torch.nb201;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;

/**
 * Parameters and FLOPs of a network from {@link Nb201NetworkBuilder}, read from its
 * layers and their output shapes for one image.
 *
 * <p>The FLOP convention is that of the NAS-Bench-201 zero-cost tables of NASLib
 * (GitHub automl/NASLib, {@code naslib/data/zc_nasbench201.json}): a
 * convolution or linear layer counts its multiply-accumulates, batch norm 2 per output
 * element, ReLU 1 per element, average pooling {@code k*k} per output element, and
 * {@code none}, {@code skip_connect} and additions nothing. Global average pooling
 * counts 1 per input element here. The tables charge the head {@code C*(s+1)^2} instead
 * of {@code C*s*s} for C channels of side s, so this count is 1,088 FLOPs lower on
 * CIFAR (of at least 7.9 million) and 576 lower on ImageNet16-120 (of at least 1.99 million).
 *
 * @param params trainable parameters: weights, biases and batch-norm scale and shift,
 *     not the running statistics
 * @param flops floating-point operations of one forward pass on one image
 */
public record NetworkCost(long params, long flops) {

    /**
     * Counts an initialized network.
     *
     * @param input the shape of one image with a leading batch dimension of 1
     * @throws IllegalArgumentException when the network holds a block this count does
     *     not know
     */
    public static NetworkCost of(Block network, Shape input) {
        if (!network.isInitialized()) {
            throw new IllegalStateException("initialize the network before counting it");
        }
        long[] flops = new long[1];
        visit(network, input, flops);
        long params = 0;
        for (Parameter parameter : network.getParameters().values()) {
            if (parameter.requiresGradient()) {
                params += parameter.getShape().size();
            }
        }
        return new NetworkCost(params, flops[0]);
    }

    /** Parameters in millions, the unit of NAS-Bench-201 tables. */
    public double megaParams() {
        return params / 1e6;
    }

    /** FLOPs in millions, the unit of NAS-Bench-201 tables. */
    public double megaFlops() {
        return flops / 1e6;
    }

    private static Shape visit(Block block, Shape input, long[] flops) {
        if (block instanceof SequentialBlock) {
            Shape shape = input;
            for (Block child : block.getChildren().values()) {
                shape = visit(child, shape, flops);
            }
            return shape;
        }
        if (block instanceof ParallelBlock || block instanceof ResidualReduction
                || block instanceof Nb201Cell) {
            for (Block child : block.getChildren().values()) {
                visit(child, input, flops);
            }
            return outputShape(block, input);
        }
        Shape output = outputShape(block, input);
        flops[0] += layerFlops(block, input, output);
        return output;
    }

    private static long layerFlops(Block block, Shape input, Shape output) {
        if (block instanceof Convolution convolution) {
            long perOutput = input.get(1) / convolution.getGroups()
                    * convolution.getKernelShape().size();
            return output.size() * perOutput;
        }
        if (block instanceof Linear) {
            return input.get(input.dimension() - 1) * output.get(output.dimension() - 1);
        }
        if (block instanceof BatchNorm) {
            return 2 * output.size();
        }
        if (block instanceof ParameterFreeOp op) {
            return switch (op.kind()) {
                case RELU, GLOBAL_AVG_POOL -> input.size();
                case AVG_POOL_3X3 -> 9 * output.size();
                case AVG_POOL_2X2 -> 4 * output.size();
                case ZERO, IDENTITY, LAYER_OUTPUT -> 0;
            };
        }
        throw new IllegalArgumentException("cannot count the FLOPs of "
                + block.getClass().getSimpleName());
    }

    private static Shape outputShape(Block block, Shape input) {
        return block.getOutputShapes(new Shape[] {input})[0];
    }
}
