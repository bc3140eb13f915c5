package io.archforge.strategy.bo;

import io.archforge.strategy.Strategy;
import io.archforge.strategy.StrategyContractTest;
import java.util.Map;

class GaussianProcessBoContractTest extends StrategyContractTest {

    @Override
    protected Strategy newStrategy() {
        return new GaussianProcessBo(GaussianProcessOptions.parse(Map.of()));
    }
}
