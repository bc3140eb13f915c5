package io.archforge.torch.train;

import java.util.List;

/**
 * The outcome of training one network.
 *
 * @param epochAccuracies validation accuracy after each epoch, in percent
 * @param steps optimizer steps taken
 * @param trainSeconds wall-clock seconds spent in training steps, without validation
 * @param finalLoss the mean training loss of the last epoch
 */
public record TrainingResult(List<Double> epochAccuracies, int steps, double trainSeconds,
        double finalLoss) {

    public TrainingResult {
        epochAccuracies = List.copyOf(epochAccuracies);
        if (epochAccuracies.isEmpty()) {
            throw new IllegalArgumentException("a training result needs at least one epoch");
        }
    }

    /** Validation accuracy after the last epoch, in percent. */
    public double accuracy() {
        return epochAccuracies.get(epochAccuracies.size() - 1);
    }
}
