package io.archforge.predictor;

/** The predictor contract for the Gaussian process on its default encoding. */
class GaussianProcessPredictorTest extends PredictorContract {

    @Override
    protected PredictorFactory factory() {
        return Predictors.factory(Predictors.GP,
                Predictors.defaultEncoding(Predictors.GP)).orElseThrow();
    }
}
