package io.archforge.torch.graph;

/**
 * The outcome of training one graph network.
 *
 * @param validAccuracy the best validation accuracy over the epochs, percent
 * @param testAccuracy the test accuracy of the weights of that epoch, percent
 * @param bestEpoch the epoch of the best validation accuracy, from 1
 * @param params the number of trainable values
 * @param latencyMs the median time of one full-graph forward pass, milliseconds
 * @param trainSeconds the wall time of training, seconds
 * @param finalLoss the training loss of the last epoch
 */
public record GnnTrainingResult(double validAccuracy, double testAccuracy, int bestEpoch,
        long params, double latencyMs, double trainSeconds, double finalLoss) {
}
