package io.archforge.torch.forecast;

import io.archforge.space.ForecastingSpace.Design;

/**
 * The training recipe of a forecasting network: AdamW with decoupled weight decay and a cosine
 * learning-rate schedule to zero, on mean squared error.
 *
 * @param learningRate the initial learning rate
 * @param weightDecay the decoupled weight decay
 * @param batchSize the training windows per step
 * @param epochs the passes over the training windows
 */
public record ForecastRecipe(double learningRate, double weightDecay, int batchSize,
        int epochs) {

    public ForecastRecipe {
        if (!(learningRate > 0) || !(weightDecay >= 0) || batchSize < 1 || epochs < 1) {
            throw new IllegalArgumentException("need learning rate > 0, weight decay >= 0,"
                    + " batch size >= 1 and epochs >= 1, got " + learningRate + ", "
                    + weightDecay + ", " + batchSize + " and " + epochs);
        }
    }

    /** Returns the recipe of {@code design}, trained for {@code epochs}. */
    public static ForecastRecipe of(Design design, int epochs) {
        return new ForecastRecipe(design.learningRate(), design.weightDecay(),
                design.batchSize(), epochs);
    }

    /** Returns this recipe with {@code newEpochs} epochs. */
    public ForecastRecipe withEpochs(int newEpochs) {
        return new ForecastRecipe(learningRate, weightDecay, batchSize, newEpochs);
    }
}
