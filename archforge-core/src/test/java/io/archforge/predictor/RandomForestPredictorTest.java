package io.archforge.predictor;

/** The predictor contract for the random forest on its default encoding. */
class RandomForestPredictorTest extends PredictorContract {

    @Override
    protected PredictorFactory factory() {
        return Predictors.factory(Predictors.RANDOM_FOREST,
                Predictors.defaultEncoding(Predictors.RANDOM_FOREST)).orElseThrow();
    }

    /**
     * Lowers the threshold to 0.85. A forest approximates the additive target by
     * averages of step functions, which 100 training architectures resolve only
     * coarsely. With six different seeds for the check's data it ranked at 0.87 to
     * 0.92, where the Gaussian process and XGBoost exceed 0.94.
     */
    @Override
    protected double minSpearman() {
        return 0.85;
    }
}
