package io.archforge.predictors.xgboost;

import io.archforge.predictor.PredictorContract;
import io.archforge.predictor.PredictorFactory;

/** The predictor contract for the XGBoost predictor on its default encoding. */
class XgboostPredictorTest extends PredictorContract {

    @Override
    protected PredictorFactory factory() {
        return XgboostPredictors.factory(XgboostPredictors.DEFAULT_ENCODING);
    }
}
