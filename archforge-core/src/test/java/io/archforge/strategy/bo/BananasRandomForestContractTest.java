package io.archforge.strategy.bo;

import io.archforge.predictor.Predictors;
import io.archforge.strategy.Strategies;
import io.archforge.strategy.Strategy;
import io.archforge.strategy.StrategyContractTest;
import java.util.Map;

/** BANANAS with its ensemble replaced by the random forest through the option. */
class BananasRandomForestContractTest extends StrategyContractTest {

    @Override
    protected Strategy newStrategy() {
        return Strategies.create(Bananas.NAME, Map.of("predictor", Predictors.RANDOM_FOREST));
    }
}
