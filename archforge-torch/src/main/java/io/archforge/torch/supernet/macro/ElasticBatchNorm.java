package io.archforge.torch.supernet.macro;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * Batch norm over the channel axis of NCHW activations that stores full-width scale,
 * shift and running statistics and normalizes the first {@code channels} channels.
 *
 * <p>A training-mode forward pass normalizes with the batch's statistics. Outside
 * calibration it also folds them into the running statistics of the active channels, as
 * DJL's {@code BatchNorm} block does, with momentum {@value #MOMENTUM}. During
 * calibration (see {@link #startCalibration}) each training-mode pass instead updates the
 * running statistics to the average of all calibration batches so far, weighted by batch
 * size. The mean is averaged from the batch means and the variance from the unbiased batch
 * variances, which is the variance PyTorch stores. An inference-mode pass normalizes with
 * the running statistics, so its output does not depend on the rest of the batch.
 *
 * <p>The running statistics are read and written through views of the full arrays, so the
 * updates land in the full-width parameters.
 */
final class ElasticBatchNorm extends AbstractBlock {
    /** The weight of the old running statistics in a training-mode update (DJL's sense). */
    static final float MOMENTUM = 0.9f;

    /** The value added to the variance before its square root, as in DJL's default. */
    static final float EPSILON = 1e-5f;

    private static final byte VERSION = 1;
    private static final int CHANNEL_AXIS = 1;

    private final int maxChannels;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;

    private int channels;

    /** Images seen since calibration started, or -1 outside calibration. */
    private long calibrationImages = -1;

    ElasticBatchNorm(int maxChannels) {
        super(VERSION);
        this.maxChannels = maxChannels;
        Shape shape = new Shape(maxChannels);
        gamma = addParameter(parameter("gamma", Parameter.Type.GAMMA, shape, true));
        beta = addParameter(parameter("beta", Parameter.Type.BETA, shape, true));
        runningMean = addParameter(
                parameter("runningMean", Parameter.Type.RUNNING_MEAN, shape, false));
        runningVar = addParameter(
                parameter("runningVar", Parameter.Type.RUNNING_VAR, shape, false));
        channels = maxChannels;
    }

    private static Parameter parameter(String name, Parameter.Type type, Shape shape,
            boolean trainable) {
        return Parameter.builder()
                .setName(name)
                .setType(type)
                .optShape(shape)
                .optRequiresGrad(trainable)
                .build();
    }

    /**
     * Sets the number of normalized channels.
     *
     * @throws IllegalArgumentException when it is not between 1 and the full width
     */
    void activate(int activeChannels) {
        if (activeChannels < 1 || activeChannels > maxChannels) {
            throw new IllegalArgumentException("batch norm over " + activeChannels
                    + " channels is invalid; the full width is " + maxChannels);
        }
        this.channels = activeChannels;
    }

    /** Returns the number of trainable values the active channels use: scale and shift. */
    long activeParameters() {
        return 2L * channels;
    }

    /** Returns the used slices of scale, shift, running mean and running variance. */
    List<ParameterSlice> activeSlices() {
        NDIndex active = new NDIndex().addSliceDim(0, channels);
        return List.of(new ParameterSlice(gamma, active), new ParameterSlice(beta, active),
                new ParameterSlice(runningMean, active), new ParameterSlice(runningVar, active));
    }

    /** Returns the full running mean, a live array that calibration changes in place. */
    NDArray runningMean() {
        return runningMean.getArray();
    }

    /** Returns the full running variance, a live array that calibration changes in place. */
    NDArray runningVariance() {
        return runningVar.getArray();
    }

    /**
     * Resets the running statistics of every channel to mean 0 and variance 1 and starts
     * averaging the statistics of the following training-mode batches.
     */
    void startCalibration() {
        runningMean.getArray().set(new NDIndex(":"), 0f);
        runningVar.getArray().set(new NDIndex(":"), 1f);
        calibrationImages = 0;
    }

    /** Ends calibration: later training-mode passes update with {@link #MOMENTUM} again. */
    void stopCalibration() {
        calibrationImages = -1;
    }

    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs,
            boolean training, PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        NDManager manager = input.getManager();
        NDIndex active = new NDIndex().addSliceDim(0, channels);
        NDArray scale = value(parameterStore, gamma, input, training).get(manager, active);
        NDArray shift = value(parameterStore, beta, input, training).get(manager, active);
        NDArray mean = value(parameterStore, runningMean, input, training).get(manager, active);
        NDArray variance = value(parameterStore, runningVar, input, training)
                .get(manager, active);
        float momentum = training ? updateMomentum(input.getShape().get(0)) : MOMENTUM;
        return BatchNorm.batchNorm(input, mean, variance, scale, shift, CHANNEL_AXIS,
                momentum, EPSILON, training);
    }

    /**
     * Returns the momentum of this training-mode pass. During calibration, the old
     * statistics keep the weight of the images already seen, so the result is their
     * size-weighted average.
     */
    private float updateMomentum(long batchSize) {
        if (calibrationImages < 0) {
            return MOMENTUM;
        }
        float momentum = (float) calibrationImages / (calibrationImages + batchSize);
        calibrationImages += batchSize;
        return momentum;
    }

    private static NDArray value(ParameterStore store, Parameter parameter, NDArray input,
            boolean training) {
        return store.getValue(parameter, input.getDevice(), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
