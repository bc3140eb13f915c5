package io.archforge.torch.robust;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.ThreadGradientCollector;
import io.archforge.torch.train.TrainingStep;

/**
 * The softmax cross-entropy loss of a network in inference mode, and its gradient with
 * respect to the input pixels, through DJL autograd on the calling thread.
 *
 * <p>The loss is summed over the batch, not averaged, so the gradient of each image does
 * not depend on the batch size. Batch norm uses its running statistics, as in
 * validation. The caller freezes the parameters ({@link FrozenParameters}), so the
 * backward pass computes no weight gradients.
 */
final class InputGradients {

    private final Block block;
    private final ParameterStore parameters;
    private final int classes;

    InputGradients(Block block, NDManager manager, int classes) {
        this.block = block;
        this.parameters = new ParameterStore(manager, false);
        this.classes = classes;
    }

    /**
     * Returns the sign of the loss gradient with respect to {@code pixels}, in the manager
     * of {@code pixels}. Everything else the pass creates is freed before it returns.
     */
    NDArray gradientSign(NDArray pixels, NDArray labels) {
        NDManager outer = pixels.getManager();
        try (NDManager pass = outer.newSubManager()) {
            NDArray leaf = pixels.duplicate();
            leaf.attach(pass);
            try (ThreadGradientCollector collector = new ThreadGradientCollector()) {
                leaf.setRequiresGradient(true);
                // Channels-last, as in training: the same function, computed faster.
                NDArray input = TrainingStep.channelsLast(PixelScale.networkInput(leaf));
                collector.backward(summedLoss(input, labels));
            }
            NDArray sign = leaf.getGradient().sign();
            sign.attach(outer);
            return sign;
        }
    }

    /** Returns the loss summed over the batch, with autograd off. */
    float loss(NDArray pixels, NDArray labels) {
        boolean previous = DjlRuntime.setGradMode(false);
        try (NDManager pass = pixels.getManager().newSubManager()) {
            NDArray input = PixelScale.networkInput(pixels);
            input.attach(pass);
            return summedLoss(input, labels).getFloat();
        } finally {
            DjlRuntime.setGradMode(previous);
        }
    }

    private NDArray summedLoss(NDArray input, NDArray labels) {
        NDArray logits = block.forward(parameters, new NDList(input), false).singletonOrThrow();
        NDArray logProbabilities = logits.logSoftmax(1);
        return logProbabilities.mul(labels.oneHot(classes)).sum().neg();
    }
}
