package io.archforge.predictor;

import io.archforge.encoding.Encoding;

/**
 * The predictor contract for the MLP ensemble on the one-hot encoding. Its default,
 * the path encoding, does not express the contract's target (linear in the operation
 * on each edge) as a linear function, and 100 architectures are too few to learn it,
 * so the ensemble ranks that target at about 0.6 there.
 */
class MlpEnsemblePredictorTest extends PredictorContract {

    @Override
    protected PredictorFactory factory() {
        return Predictors.factory(Predictors.MLP_ENSEMBLE, Encoding.ONE_HOT).orElseThrow();
    }
}
