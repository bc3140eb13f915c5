package io.archforge.app.cli;

import io.archforge.space.Architecture;
import io.archforge.strategy.AskContext;
import io.archforge.strategy.Strategy;
import io.archforge.study.FrozenTrial;

/** A strategy that proposes one architecture found elsewhere, to record it as a trial. */
record GivenArchitecture(String name, Architecture architecture) implements Strategy {

    @Override
    public Architecture ask(AskContext context) {
        return architecture;
    }

    @Override
    public void tell(FrozenTrial trial) {
    }
}
