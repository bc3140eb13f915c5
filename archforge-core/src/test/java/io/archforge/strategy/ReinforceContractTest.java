package io.archforge.strategy;

class ReinforceContractTest extends StrategyContractTest {

    @Override
    protected Strategy newStrategy() {
        return new Reinforce(ReinforceOptions.defaults());
    }
}
