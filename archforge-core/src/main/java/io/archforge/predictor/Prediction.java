package io.archforge.predictor;

/**
 * A surrogate's belief about one architecture's objective value.
 *
 * @param mean the predicted value
 * @param std the standard deviation of the prediction, at least 0
 */
public record Prediction(double mean, double std) {

    /**
     * The probability that a normal variable with this mean and standard deviation is
     * below {@code threshold}; with a standard deviation of 0 it is 1 when the mean is
     * below the threshold and 0 otherwise.
     */
    public double cdf(double threshold) {
        return normalCdf(this, threshold);
    }

    static double normalCdf(Prediction prediction, double threshold) {
        if (threshold == Double.POSITIVE_INFINITY) {
            return 1;
        }
        if (threshold == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        if (prediction.std() <= 0) {
            return prediction.mean() < threshold ? 1 : 0;
        }
        return Gaussian.cdf((threshold - prediction.mean()) / prediction.std());
    }

    public Prediction {
        if (Double.isNaN(mean) || Double.isNaN(std) || std < 0) {
            throw new IllegalArgumentException("prediction needs a number mean and a std >= 0, "
                    + "got mean " + mean + " and std " + std);
        }
    }
}
