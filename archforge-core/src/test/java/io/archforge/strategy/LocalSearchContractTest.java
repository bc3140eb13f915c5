package io.archforge.strategy;

class LocalSearchContractTest extends StrategyContractTest {

    @Override
    protected Strategy newStrategy() {
        return new LocalSearch(LocalSearchOptions.defaults());
    }
}
