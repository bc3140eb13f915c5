package io.archforge.torch.net;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;

/**
 * Size and cost of a network for one input image.
 *
 * <p>FLOPs follow the NAS-Bench-201 habit of counting multiply-accumulate operations
 * (MACs) and calling them FLOPs: for a convolution, output elements times input channels
 * per group times kernel area; for a linear layer, input features times units. Biases,
 * batch norm, activations, pooling and additions are not counted. Parameters are the
 * trainable ones: weights, biases and batch-norm scale and shift, but not the running
 * mean and variance.
 *
 * @param params trainable parameters, in millions
 * @param flops multiply-accumulates of one forward pass on one image, in millions
 */
public record ModelStats(double params, double flops) {

    public ModelStats {
        if (!(params >= 0) || !(flops >= 0)) {
            throw new IllegalArgumentException("params and flops must be non-negative, got "
                    + params + " and " + flops);
        }
    }

    /**
     * Measures an initialized network.
     *
     * @param block a network built from sequential, parallel, convolution, linear and
     *     parameter-free blocks, initialized for {@code input}
     * @param input the shape of one input image, with a leading batch dimension of 1
     * @throws IllegalStateException when the block is not initialized
     * @throws IllegalArgumentException when the block holds a kind of block this class
     *     cannot follow
     */
    public static ModelStats measure(Block block, Shape input) {
        if (!block.isInitialized()) {
            throw new IllegalStateException("initialize the block before measuring it");
        }
        if (input.get(0) != 1) {
            throw new IllegalArgumentException("input shape must have batch size 1, got "
                    + input);
        }
        long[] macs = new long[1];
        visit(block, input, macs);
        return new ModelStats(countParameters(block) / 1e6, macs[0] / 1e6);
    }

    private static long countParameters(Block block) {
        long count = 0;
        for (Parameter parameter : block.getParameters().values()) {
            if (parameter.requiresGradient()) {
                count += parameter.getShape().size();
            }
        }
        return count;
    }

    private static Shape visit(Block block, Shape input, long[] macs) {
        if (block instanceof SequentialBlock) {
            Shape shape = input;
            for (Block child : block.getChildren().values()) {
                shape = visit(child, shape, macs);
            }
            return shape;
        }
        if (block instanceof ParallelBlock) {
            for (Block child : block.getChildren().values()) {
                visit(child, input, macs);
            }
            return outputShape(block, input);
        }
        if (block instanceof Convolution convolution) {
            Shape output = outputShape(block, input);
            long perOutput = input.get(1) / convolution.getGroups()
                    * convolution.getKernelShape().size();
            macs[0] += output.size() * perOutput;
            return output;
        }
        if (block instanceof Linear) {
            Shape output = outputShape(block, input);
            macs[0] += input.get(input.dimension() - 1) * output.get(output.dimension() - 1);
            return output;
        }
        if (!block.getChildren().isEmpty()) {
            throw new IllegalArgumentException("cannot count FLOPs through "
                    + block.getClass().getSimpleName() + "; use sequential and parallel blocks");
        }
        return outputShape(block, input);
    }

    private static Shape outputShape(Block block, Shape input) {
        return block.getOutputShapes(new Shape[] {input})[0];
    }
}
