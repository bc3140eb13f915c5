package io.archforge.torch.forecast;

import java.util.List;

/**
 * The outcome of training a forecasting network.
 *
 * @param validationMse the validation MSE after each epoch, first epoch first
 * @param bestEpoch the epoch, from 1, whose weights the network keeps
 * @param trainSeconds the wall time of the training steps, without validation
 * @param finalLoss the mean training loss of the last epoch
 * @param windowsPerEpoch the training windows of each epoch
 */
public record ForecastFit(List<Double> validationMse, int bestEpoch, double trainSeconds,
        double finalLoss, int windowsPerEpoch) {

    public ForecastFit {
        validationMse = List.copyOf(validationMse);
        if (bestEpoch < 1 || bestEpoch > validationMse.size()) {
            throw new IllegalArgumentException("best epoch " + bestEpoch + " is not one of the "
                    + validationMse.size() + " epochs");
        }
    }

    /** Returns the validation MSE of the best epoch. */
    public double bestValidationMse() {
        return validationMse.get(bestEpoch - 1);
    }
}
