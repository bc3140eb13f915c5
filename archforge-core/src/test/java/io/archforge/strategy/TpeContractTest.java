package io.archforge.strategy;

class TpeContractTest extends StrategyContractTest {

    @Override
    protected Strategy newStrategy() {
        return new Tpe(TpeOptions.defaults());
    }
}
