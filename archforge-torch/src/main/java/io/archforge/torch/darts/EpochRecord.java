package io.archforge.torch.darts;

import io.archforge.oneshot.ArchitectureWeights;
import io.archforge.space.Architecture;

/**
 * The state of a differentiable search at the end of one epoch.
 *
 * @param epoch the epoch, from 1
 * @param weights the architecture logits after the epoch
 * @param entropy the mean entropy of the operation weights, nats
 * @param derived the cell derived from the weights, after the skip limit if any
 * @param validationAccuracy accuracy of the supernet on the held-out images, percent.
 *     Under Gumbel sampling it is the accuracy of the strongest operation on every edge
 *     with the shared weights, before the skip limit.
 * @param trainLoss mean cross-entropy of the epoch's weight steps
 * @param seconds the time since the search started
 * @param residentMb resident memory of the process at the end of the epoch, MB
 */
public record EpochRecord(int epoch, ArchitectureWeights weights, double entropy,
        Architecture derived, double validationAccuracy, double trainLoss, double seconds,
        double residentMb) {
}
