package io.archforge.predictor;

/**
 * A surrogate's belief about one architecture's objective value.
 *
 * @param mean the predicted value
 * @param std the standard deviation of the prediction, at least 0
 */
public record Prediction(double mean, double std) {

    public Prediction {
        if (Double.isNaN(mean) || Double.isNaN(std) || std < 0) {
            throw new IllegalArgumentException("prediction needs a number mean and a std >= 0, "
                    + "got mean " + mean + " and std " + std);
        }
    }
}
