package io.archforge.torch.supernet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import io.archforge.torch.data.ImageDataset;
import io.archforge.torch.train.DjlRuntime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-estimates the running statistics of every batch norm of a network for the path it
 * computes now, as supernet evaluation needs: statistics gathered while many paths
 * trained fit none of them.
 *
 * <p>The result is the exact mean over the calibration batches of each batch's mean and
 * unbiased variance, which PyTorch's cumulative averaging ({@code momentum=None}) would
 * store too. DJL 0.36 fixes a batch norm's momentum when it is built: PyTorch receives
 * {@code 1 - momentum}, 0.1 by default, as the weight {@code w} of the new batch in
 * {@code running = (1 - w) * running + w * batch}. So before each batch the running
 * statistics are set to zero, after it they hold {@code w} times the batch's statistics,
 * and their sum divided by {@code w} and the batch count is the mean. The weight
 * {@code w} of each batch norm is measured, not assumed: one training-mode pass of a
 * constant input of ones, whose batch mean is 1, leaves {@code w} in a zeroed running
 * mean.
 *
 * <p>NOTE: the method assumes that every batch norm runs at most once per forward pass, as in
 * the networks of this package. One that runs twice gets wrong statistics, and no error
 * is raised. A batch norm that no calibration pass reaches, such as one of an operation
 * off the selected path, is reset to mean 0 and variance 1.
 */
public final class BatchNormCalibration {

    private BatchNormCalibration() {
    }

    /**
     * Runs {@code images} through {@code block} in training mode with autograd off, in
     * dataset order and whole batches of {@code batchSize}, and stores in every batch norm
     * that ran the mean of the batch statistics.
     *
     * @param manager the manager of the block's parameters
     * @return the number of batch norms re-estimated
     * @throws IllegalArgumentException when the images are fewer than one batch
     */
    public static int recalibrate(Block block, NDManager manager, ImageDataset images,
            int batchSize) {
        List<BatchNorm> norms = batchNorms(block);
        ImageBatches batches = new ImageBatches(images, batchSize, 0);
        boolean previous = DjlRuntime.setGradMode(false);
        try (NDManager scope = manager.newSubManager()) {
            Map<BatchNorm, NDArray[]> sums = accumulate(block, norms, batches, scope);
            for (BatchNorm norm : norms) {
                NDArray[] statistics = runningStatistics(norm);
                NDArray[] sum = sums.get(norm);
                if (sum == null) {
                    assign(statistics[0], scope.zeros(statistics[0].getShape()));
                    assign(statistics[1], scope.ones(statistics[1].getShape()));
                    continue;
                }
                double divisor = batches.count() * (double) updateWeight(norm, scope);
                assign(statistics[0], sum[0].divi(divisor));
                assign(statistics[1], sum[1].divi(divisor));
            }
            return sums.size();
        } finally {
            DjlRuntime.setGradMode(previous);
        }
    }

    /**
     * Runs every batch with zeroed running statistics and returns, for each batch norm
     * that ran, the sums of its running mean and variance after each batch.
     */
    private static Map<BatchNorm, NDArray[]> accumulate(Block block, List<BatchNorm> norms,
            ImageBatches batches, NDManager scope) {
        Map<BatchNorm, NDArray[]> sums = new IdentityHashMap<>();
        RecordingParameterStore store = new RecordingParameterStore(scope);
        for (int batch = 0; batch < batches.count(); batch++) {
            for (BatchNorm norm : norms) {
                for (NDArray statistic : runningStatistics(norm)) {
                    statistic.subi(statistic);
                }
            }
            store.clear();
            try (NDManager pass = scope.newSubManager()) {
                block.forward(store, new NDList(batches.batch(pass, batch).get(0)), true);
            }
            for (BatchNorm norm : norms) {
                if (!store.wasUsed(parameter(norm, Parameter.Type.RUNNING_MEAN))) {
                    continue;
                }
                NDArray[] statistics = runningStatistics(norm);
                NDArray[] sum = sums.computeIfAbsent(norm, key -> new NDArray[] {
                    scope.zeros(statistics[0].getShape()),
                    scope.zeros(statistics[1].getShape())});
                sum[0].addi(statistics[0]);
                sum[1].addi(statistics[1]);
            }
        }
        return sums;
    }

    /**
     * Returns the weight PyTorch gives a new batch when {@code norm} updates its running
     * statistics, measured with a constant input. Overwrites the running statistics.
     */
    private static float updateWeight(BatchNorm norm, NDManager scope) {
        NDArray mean = runningStatistics(norm)[0];
        mean.subi(mean);
        float weight;
        try (NDManager probe = scope.newSubManager()) {
            NDArray ones = probe.ones(new Shape(2, mean.getShape().get(0), 2, 2));
            norm.forward(new ParameterStore(probe, false), new NDList(ones), true);
            weight = mean.getFloat(0);
        }
        if (!(weight > 0 && weight <= 1)) {
            throw new IllegalStateException("a batch norm gives new batches the weight "
                    + weight + " in its running statistics; calibration needs a weight in"
                    + " (0, 1], so build batch norms with a momentum in [0, 1)");
        }
        return weight;
    }

    /** Returns every batch norm of {@code block}, depth first. */
    static List<BatchNorm> batchNorms(Block block) {
        List<BatchNorm> norms = new ArrayList<>();
        if (block instanceof BatchNorm norm) {
            norms.add(norm);
        }
        for (Block child : block.getChildren().values()) {
            norms.addAll(batchNorms(child));
        }
        return norms;
    }

    /** Returns the running mean and the running variance of {@code norm}. */
    static NDArray[] runningStatistics(BatchNorm norm) {
        return new NDArray[] {
            parameter(norm, Parameter.Type.RUNNING_MEAN).getArray(),
            parameter(norm, Parameter.Type.RUNNING_VAR).getArray()};
    }

    private static Parameter parameter(BatchNorm norm, Parameter.Type type) {
        for (Parameter parameter : norm.getDirectParameters().values()) {
            if (parameter.getType() == type) {
                return parameter;
            }
        }
        throw new IllegalStateException("batch norm " + norm + " has no " + type
                + " parameter");
    }

    /** Overwrites {@code target} in place with {@code source}, whatever their managers. */
    private static void assign(NDArray target, NDArray source) {
        target.subi(target).addi(source);
    }
}
