package io.archforge.strategy.bo;

import io.archforge.strategy.Strategy;
import io.archforge.strategy.StrategyContractTest;
import java.util.Map;

class BananasContractTest extends StrategyContractTest {

    @Override
    protected Strategy newStrategy() {
        return new Bananas(BananasOptions.parse(Map.of()));
    }
}
