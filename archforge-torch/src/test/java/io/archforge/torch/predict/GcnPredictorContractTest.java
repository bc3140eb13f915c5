package io.archforge.torch.predict;

import io.archforge.predictor.PredictorContract;
import io.archforge.predictor.PredictorFactory;

/** The predictor contract, run against the GCN ensemble with its default settings. */
class GcnPredictorContractTest extends PredictorContract {

    @Override
    protected PredictorFactory factory() {
        return GcnPredictor.factory();
    }
}
