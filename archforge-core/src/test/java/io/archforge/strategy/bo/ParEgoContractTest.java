package io.archforge.strategy.bo;

import io.archforge.strategy.Strategy;
import io.archforge.strategy.StrategyContractTest;
import java.util.Map;

class ParEgoContractTest extends StrategyContractTest {

    @Override
    protected Strategy newStrategy() {
        return new ParEgo(ParEgoOptions.parse(Map.of()));
    }
}
