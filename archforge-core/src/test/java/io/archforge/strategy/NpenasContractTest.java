package io.archforge.strategy;

import java.util.Map;

class NpenasContractTest extends StrategyContractTest {

    @Override
    protected Strategy newStrategy() {
        return new Npenas(NpenasOptions.parse(Map.of()));
    }
}
