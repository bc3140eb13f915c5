package io.archforge.strategy;

class MoEvolutionContractTest extends StrategyContractTest {

    @Override
    protected Strategy newStrategy() {
        return RegularizedEvolution.multiObjective(EvolutionOptions.defaults());
    }
}
