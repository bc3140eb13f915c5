package io.archforge.strategy;

class Nsga2ContractTest extends StrategyContractTest {

    @Override
    protected Strategy newStrategy() {
        return new Nsga2(Nsga2Options.defaults());
    }
}
