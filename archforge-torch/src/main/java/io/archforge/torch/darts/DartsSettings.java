package io.archforge.torch.darts;

import io.archforge.oneshot.CollapseGuard;
import io.archforge.space.CellSpace;
import io.archforge.torch.nb201.Nb201Skeleton;

/**
 * The settings of one differentiable search.
 *
 * <p>Defaults ({@link #defaults()}) follow DARTS (Liu et al., ICLR 2019) and the
 * NAS-Bench-201 search protocol where a CPU allows. The weights train with SGD with
 * momentum 0.9, weight decay 3e-4 and a cosine learning rate from 0.025 to 0.001. The
 * architecture logits train with Adam with betas 0.5 and 0.999 and weight decay 1e-3.
 * The architecture learning rate is 3e-3, ten times DARTS' 3e-4, because a CPU search
 * takes about a twentieth of its steps. GDAS anneals its temperature from 10 to 0.1
 * (Dong and Yang, CVPR 2019). beta-DARTS (Ye et al., CVPR 2022) adds a multiple of the
 * mean over edges of the log-sum-exp of the logits to the architecture loss. That
 * multiple rises linearly with the epoch and reaches {@code betaWeight} in the last one.
 *
 * @param relaxation softmax mixture (DARTS) or Gumbel sampling (GDAS)
 * @param order 1 for the first-order approximation, 2 for the unrolled second-order
 *     gradient (softmax only)
 * @param betaWeight the beta-decay weight, 0 for none
 * @param edgeMutation the maximum probability that an edge trains one random operation
 *     with weights alone in a weight step, or 0 for none. The probability rises linearly
 *     with the epoch and reaches this value in the last one.
 * @param skipLimit the maximum number of skip connections in the derived cell, or -1 for
 *     no limit
 * @param parameterFreeLimit the maximum number of skip connections and pooling edges
 *     together in the derived cell, or -1 for no limit
 * @param partialChannels 1, or k to send 1/k of the channels through the operations
 * @param skeleton the network around the cell
 * @param epochs passes over the weight half of the training images
 * @param batchSize images per step and half
 * @param trainImages training images, split in halves for weights and architecture
 * @param validationImages held-out images to score the supernet and derived cells
 * @param weightLearningRate initial learning rate of the weights
 * @param architectureLearningRate learning rate of the architecture logits
 * @param memoryLimitMb the memory the search may plan for, in MB, or 0 for 80% of the
 *     machine's available memory
 */
public record DartsSettings(Relaxation relaxation, int order, double betaWeight,
        double edgeMutation, int skipLimit, int parameterFreeLimit, int partialChannels,
        Nb201Skeleton skeleton,
        int epochs, int batchSize, int trainImages, int validationImages,
        double weightLearningRate, double architectureLearningRate, double memoryLimitMb) {

    /** The mapping from architecture logits to operation weights. */
    public enum Relaxation {
        /** A softmax over each edge's operations that weighs all of them (DARTS). */
        SOFTMAX,
        /** A Gumbel-softmax sample that picks one operation per edge (GDAS). */
        GUMBEL
    }

    /** The smallest batch size the memory planner lowers the batch size to. */
    public static final int MIN_BATCH = 8;

    public DartsSettings {
        if (order != 1 && order != 2) {
            throw new IllegalArgumentException("darts order must be 1 or 2, got " + order);
        }
        if (order == 2 && relaxation == Relaxation.GUMBEL) {
            throw new IllegalArgumentException("second-order gradients apply to the softmax"
                    + " relaxation only, so use order 1 with gdas");
        }
        if (!(betaWeight >= 0) || !(edgeMutation >= 0 && edgeMutation <= 1)) {
            throw new IllegalArgumentException("invalid beta weight " + betaWeight
                    + " or edge mutation " + edgeMutation + ": the beta weight must be 0 or"
                    + " more and the edge mutation within [0, 1]");
        }
        if (parameterFreeLimit < -1) {
            throw new IllegalArgumentException("invalid parameter-free limit "
                    + parameterFreeLimit + ": it must be -1 (none) or more");
        }
        if (skipLimit < -1 || partialChannels < 1) {
            throw new IllegalArgumentException("invalid skip limit " + skipLimit
                    + " or partial channels " + partialChannels + ": the skip limit must be"
                    + " -1 (none) or more and partial channels at least 1");
        }
        if (epochs < 1 || batchSize < 1 || validationImages < 1) {
            throw new IllegalArgumentException("invalid epochs " + epochs + ", batch size "
                    + batchSize + " or validation images " + validationImages
                    + ": each must be at least 1");
        }
        if (trainImages < 2 * batchSize) {
            throw new IllegalArgumentException("invalid training images " + trainImages
                    + ": each half needs one batch of " + batchSize + ", so use at least "
                    + 2 * batchSize + " or a smaller batch");
        }
        if (!(weightLearningRate > 0) || !(architectureLearningRate > 0)
                || !(memoryLimitMb >= 0)) {
            throw new IllegalArgumentException("invalid learning rates " + weightLearningRate
                    + " and " + architectureLearningRate + " or memory limit " + memoryLimitMb
                    + " MB: learning rates must be above 0 and the memory limit 0 or more");
        }
    }

    /**
     * Returns the defaults: first-order DARTS in the search skeleton, 10 epochs on
     * 10,000 images split in halves, batch 64, 2,000 validation images.
     */
    public static DartsSettings defaults() {
        return new DartsSettings(Relaxation.SOFTMAX, 1, 0, 0, -1, -1, 1, Nb201Skeleton.SEARCH, 10,
                64, 10_000, 2_000, 0.025, 3e-3, 0);
    }

    /** Returns these settings with another relaxation. */
    public DartsSettings withRelaxation(Relaxation value) {
        return new DartsSettings(value, order, betaWeight, edgeMutation, skipLimit,
                parameterFreeLimit, partialChannels, skeleton, epochs, batchSize, trainImages,
                validationImages, weightLearningRate, architectureLearningRate, memoryLimitMb);
    }

    /** Returns these settings with another gradient order. */
    public DartsSettings withOrder(int value) {
        return new DartsSettings(relaxation, value, betaWeight, edgeMutation, skipLimit,
                parameterFreeLimit, partialChannels, skeleton, epochs, batchSize, trainImages,
                validationImages, weightLearningRate, architectureLearningRate, memoryLimitMb);
    }

    /** Returns these settings with another beta-decay weight. */
    public DartsSettings withBetaWeight(double value) {
        return new DartsSettings(relaxation, order, value, edgeMutation, skipLimit,
                parameterFreeLimit, partialChannels, skeleton, epochs, batchSize, trainImages,
                validationImages, weightLearningRate, architectureLearningRate, memoryLimitMb);
    }

    /**
     * Returns these settings with other collapse guards: the edge mutation, the skip
     * limit and the parameter-free limit (-1 for none).
     */
    public DartsSettings withGuards(double mutation, int limit, int freeLimit) {
        return new DartsSettings(relaxation, order, betaWeight, mutation, limit, freeLimit,
                partialChannels, skeleton, epochs, batchSize, trainImages, validationImages,
                weightLearningRate, architectureLearningRate, memoryLimitMb);
    }

    /** Returns these settings with another batch size. */
    public DartsSettings withBatchSize(int value) {
        return new DartsSettings(relaxation, order, betaWeight, edgeMutation, skipLimit,
                parameterFreeLimit, partialChannels, skeleton, epochs, value, trainImages,
                validationImages, weightLearningRate, architectureLearningRate, memoryLimitMb);
    }

    /** Returns these settings with another number of epochs. */
    public DartsSettings withEpochs(int value) {
        return new DartsSettings(relaxation, order, betaWeight, edgeMutation, skipLimit,
                parameterFreeLimit, partialChannels, skeleton, value, batchSize, trainImages,
                validationImages, weightLearningRate, architectureLearningRate, memoryLimitMb);
    }

    /** Returns these settings with other data sizes. */
    public DartsSettings withImages(int train, int validation) {
        return new DartsSettings(relaxation, order, betaWeight, edgeMutation, skipLimit,
                parameterFreeLimit, partialChannels, skeleton, epochs, batchSize, train, validation,
                weightLearningRate, architectureLearningRate, memoryLimitMb);
    }

    /** Returns these settings with other network and memory settings. */
    public DartsSettings withNetwork(Nb201Skeleton value, int partial, double limitMb) {
        return new DartsSettings(relaxation, order, betaWeight, edgeMutation, skipLimit,
                parameterFreeLimit, partial, value, epochs, batchSize, trainImages,
                validationImages, weightLearningRate, architectureLearningRate, limitMb);
    }

    /** Returns these settings with other learning rates. */
    public DartsSettings withLearningRates(double weights, double architecture) {
        return new DartsSettings(relaxation, order, betaWeight, edgeMutation, skipLimit,
                parameterFreeLimit, partialChannels, skeleton, epochs, batchSize, trainImages,
                validationImages, weights, architecture, memoryLimitMb);
    }

    /** Returns whether the derived cell goes through a {@link CollapseGuard}. */
    public boolean guarded() {
        return skipLimit >= 0 || parameterFreeLimit >= 0;
    }

    /** Returns the guard of the derived cell, whose unset limits are the number of edges. */
    public CollapseGuard guard() {
        int edges = CellSpace.nb201().edgeCount();
        return new CollapseGuard(skipLimit < 0 ? edges : skipLimit,
                parameterFreeLimit < 0 ? edges : parameterFreeLimit);
    }

    /** Returns the number of step pairs in one epoch: the number of batches in each half. */
    public int stepsPerEpoch() {
        return trainImages / 2 / batchSize;
    }
}
