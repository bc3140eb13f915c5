package io.archforge.torch.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One optimizer step on one batch: forward pass, softmax cross-entropy loss, backward
 * pass and parameter update.
 *
 * <p>The step runs in a sub-manager of the parameters' manager that is closed before
 * {@link #run} returns, and closes every gradient handle it reads, so repeated steps do
 * not grow memory. Autograd is switched on for the calling thread only during the step.
 *
 * <p>Single-channel images enter the network as a channels-last view of the same memory
 * (see {@link #channelsLast}). The network computes the same function, but its results
 * can differ in the last bits from those of the default layout, because the kernels sum
 * in a different order.
 */
public final class TrainingStep {
    private final Block block;
    private final NDManager manager;
    private final ParameterStore parameters;
    private final Optimizer optimizer;
    private final List<Parameter> trainable;
    private final Loss loss = Loss.softmaxCrossEntropyLoss();

    /**
     * Creates a step for an initialized network.
     *
     * @param manager the manager that owns the network's parameters
     */
    public TrainingStep(Block block, NDManager manager, Optimizer optimizer) {
        this.block = block;
        this.manager = manager;
        this.parameters = new ParameterStore(manager, false);
        this.optimizer = optimizer;
        this.trainable = new ArrayList<>();
        for (Parameter parameter : block.getParameters().values()) {
            if (parameter.requiresGradient()) {
                trainable.add(parameter);
            }
        }
    }

    /**
     * Runs one step and returns the batch's mean loss.
     *
     * @param batch creates the images [batch, channels, rows, cols] and the int64 labels
     *     [batch], in the step's manager that it is given
     */
    public float run(Function<NDManager, NDList> batch) {
        try (NDManager step = manager.newSubManager();
                ThreadGradientCollector collector = new ThreadGradientCollector()) {
            NDList inputs = batch.apply(step);
            NDArray images = channelsLast(inputs.get(0));
            NDArray logits = block.forward(parameters, new NDList(images), true)
                    .singletonOrThrow();
            NDArray value = loss.evaluate(new NDList(inputs.get(1)), new NDList(logits));
            collector.backward(value);
            update();
            return value.getFloat();
        }
    }

    /**
     * Returns single-channel images [batch, 1, rows, cols] as a view with channels-last
     * strides, and other inputs unchanged. With one channel, the NCHW and NHWC layouts
     * hold the same bytes, so the view costs no copy. libtorch's oneDNN convolutions
     * (PyTorch 2.7.1) then produce channels-last outputs, so every later layer runs
     * channels-last too. On the 1x28x28 reference macro network at batch 128 with one
     * thread, a step took about 61 instead of 81 CPU ms (medians of three runs in
     * docs/benchmarks.md).
     */
    public static NDArray channelsLast(NDArray images) {
        Shape shape = images.getShape();
        if (shape.dimension() != 4 || shape.get(1) != 1) {
            return images;
        }
        return images.reshape(shape.get(0), shape.get(2), shape.get(3), 1)
                .transpose(0, 3, 1, 2);
    }

    private void update() {
        for (Parameter parameter : trainable) {
            NDArray weight = parameter.getArray();
            try (NDArray gradient = weight.getGradient()) {
                optimizer.update(parameter.getId(), weight, gradient);
            }
            ThreadGradientCollector.zeroGradient(weight);
        }
    }
}
