package io.archforge.predictor.surrogate;

import io.archforge.predictor.Prediction;

import java.util.List;

/**
 * A regression model with uncertainty that predicts an objective value from an
 * architecture's encoding. Instances are not thread-safe.
 */
public interface Surrogate {

    /**
     * Fits the model to encoded architectures and their values, replacing any earlier
     * fit.
     *
     * @param inputs feature vectors, all of one length
     * @param targets one value per input, finite
     * @throws IllegalArgumentException when the inputs are empty or their lengths differ
     */
    void fit(List<double[]> inputs, double[] targets);

    /**
     * Predicts the value of one encoded architecture.
     *
     * @throws IllegalStateException when called before {@link #fit}
     */
    Prediction predict(double[] input);

    /**
     * The predicted probability that the value of the encoded architecture is below
     * {@code threshold}; by default that of the prediction's normal distribution.
     */
    default double cdf(double[] input, double threshold) {
        return predict(input).cdf(threshold);
    }

    /** Checks the common preconditions of {@link #fit}. */
    static void checkTrainingSet(List<double[]> inputs, double[] targets) {
        if (inputs.isEmpty() || inputs.size() != targets.length) {
            throw new IllegalArgumentException("a surrogate needs one target per input and at "
                    + "least one input, got " + inputs.size() + " inputs and "
                    + targets.length + " targets");
        }
        int dimension = inputs.get(0).length;
        for (int i = 0; i < targets.length; i++) {
            if (inputs.get(i).length != dimension) {
                throw new IllegalArgumentException("input " + i + " has " + inputs.get(i).length
                        + " features; input 0 has " + dimension);
            }
            if (!Double.isFinite(targets[i])) {
                throw new IllegalArgumentException("target " + i + " is " + targets[i]
                        + "; targets must be finite");
            }
        }
    }
}
