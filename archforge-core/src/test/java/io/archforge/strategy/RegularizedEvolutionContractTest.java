package io.archforge.strategy;

class RegularizedEvolutionContractTest extends StrategyContractTest {

    @Override
    protected Strategy newStrategy() {
        return new RegularizedEvolution(EvolutionOptions.defaults());
    }
}
