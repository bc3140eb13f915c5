package io.archforge.torch.supernet;

import java.util.List;

/**
 * The outcome of a supernet training run.
 *
 * @param epochLosses the mean training loss of each epoch: cross-entropy, plus the
 *     weighted stage loss under distillation
 * @param epochStageLosses the mean unweighted stage loss of each epoch under
 *     distillation, empty without it
 * @param steps optimizer steps taken
 * @param trainSeconds wall-clock seconds spent in the epochs
 */
public record SupernetTrainingResult(List<Double> epochLosses, List<Double> epochStageLosses,
        int steps, double trainSeconds) {

    public SupernetTrainingResult {
        epochLosses = List.copyOf(epochLosses);
        epochStageLosses = List.copyOf(epochStageLosses);
    }

    /** Returns the mean loss of the last epoch. */
    public double finalLoss() {
        return epochLosses.get(epochLosses.size() - 1);
    }

    /** Returns the mean wall-clock seconds of an epoch. */
    public double secondsPerEpoch() {
        return trainSeconds / epochLosses.size();
    }
}
