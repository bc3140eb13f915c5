package io.archforge.strategy;

class RandomSearchContractTest extends StrategyContractTest {

    @Override
    protected Strategy newStrategy() {
        return new RandomSearch();
    }
}
