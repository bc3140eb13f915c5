package io.archforge.predictor;

import io.archforge.encoding.Encoding;
import java.util.List;

/** The predictor contract for the stacked ensemble of a Gaussian process and a forest. */
class EnsemblePredictorContractTest extends PredictorContract {

    @Override
    protected PredictorFactory factory() {
        return EnsemblePredictor.factory(List.of(
                Predictors.factory(Predictors.GP, Encoding.ONE_HOT).orElseThrow(),
                Predictors.factory(Predictors.RANDOM_FOREST, Encoding.ADJACENCY).orElseThrow()),
                List.of());
    }
}
