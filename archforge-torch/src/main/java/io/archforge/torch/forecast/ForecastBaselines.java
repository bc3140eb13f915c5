package io.archforge.torch.forecast;

import io.archforge.eval.EvaluationContext;
import io.archforge.torch.forecast.ChronologicalSplit.Part;
import io.archforge.torch.train.LatencyMeter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The reference forecasts that a search result is compared with: the naive forecast that
 * repeats the last input value, and the linear map from the lookback window to the
 * horizon ({@link ForecastNetworkBuilder#linear}), trained by the same code as every
 * trial of a search.
 */
public final class ForecastBaselines {

    private ForecastBaselines() {
    }

    /**
     * One baseline's errors.
     *
     * @param name the baseline, such as {@code linear+revin}
     * @param recipe how it was trained, empty for the naive forecast
     * @param validation the errors on every validation window
     * @param test the errors on every test window
     * @param params the trainable values
     */
    public record Result(String name, String recipe, ForecastErrors validation,
            ForecastErrors test, long params) {
        public Result {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(recipe, "recipe");
            Objects.requireNonNull(validation, "validation");
            Objects.requireNonNull(test, "test");
        }
    }

    /** Returns the errors of the naive last-value forecast. */
    public static Result naive(ForecastData data) {
        return new Result("naive", "", ForecastErrors.naive(data.windows(Part.VALIDATION, 1),
                data.naiveScale()), ForecastErrors.naive(data.windows(Part.TEST, 1),
                data.naiveScale()), 0);
    }

    /**
     * Trains the linear baseline once per learning rate in {@code learningRates}, with
     * AdamW, weight decay 1e-4 and batch 32 as a search trial trains, and returns the run
     * with the lowest validation MSE.
     *
     * @param revin whether the baseline normalises each window and undoes it
     * @param epochs the training epochs
     * @param maxWindows the maximum training windows per epoch
     * @param seed the seed of the initial weights and the window order
     * @throws IllegalArgumentException when no learning rate is given
     */
    public static Result linear(ForecastData data, boolean revin, int epochs, int maxWindows,
            List<Double> learningRates, long seed) {
        if (learningRates.isEmpty()) {
            throw new IllegalArgumentException("the list of learning rates is empty; give one or more");
        }
        Result best = null;
        try (ForecastEvaluator evaluator = new ForecastEvaluator(data, epochs, maxWindows,
                new LatencyMeter(0, LatencyMeter.MIN_RUNS, 1), 1)) {
            for (double learningRate : learningRates) {
                ForecastRecipe recipe = new ForecastRecipe(learningRate, 1e-4, 32, epochs);
                ForecastEvaluator.Trained trained = evaluator.train(
                        ForecastNetworkBuilder.linear(data.lookback(), data.horizon(), revin),
                        recipe, EvaluationContext.detached(seed));
                Result result = new Result(revin ? "linear+revin" : "linear",
                        String.format(Locale.ROOT, "AdamW lr %s, %d epochs of %d windows,"
                                + " best epoch %d", learningRate, epochs,
                                trained.fit().windowsPerEpoch(), trained.fit().bestEpoch()),
                        trained.validation(), trained.test(), trained.params());
                if (best == null || result.validation().mse() < best.validation().mse()) {
                    best = result;
                }
            }
        }
        return best;
    }
}
