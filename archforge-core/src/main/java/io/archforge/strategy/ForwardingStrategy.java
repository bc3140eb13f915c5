package io.archforge.strategy;

import io.archforge.space.Architecture;
import io.archforge.study.FrozenTrial;
import io.archforge.transfer.Transfer;
import java.util.Objects;

/**
 * A strategy that passes every call to the strategy it wraps. Subclasses override the
 * calls they change, as a wrapper that adds notes to each proposal overrides
 * {@link #propose}.
 */
public abstract class ForwardingStrategy implements Strategy {

    private final Strategy strategy;

    /** Wraps {@code strategy}. */
    protected ForwardingStrategy(Strategy strategy) {
        this.strategy = Objects.requireNonNull(strategy, "strategy");
    }

    /** Returns the wrapped strategy. */
    public Strategy strategy() {
        return strategy;
    }

    @Override
    public String name() {
        return strategy.name();
    }

    @Override
    public Architecture ask(AskContext context) {
        return propose(context).architecture();
    }

    @Override
    public Proposal propose(AskContext context) {
        return strategy.propose(context);
    }

    @Override
    public void tell(FrozenTrial trial) {
        strategy.tell(trial);
    }

    @Override
    public boolean warmStart(Transfer transfer) {
        return strategy.warmStart(transfer);
    }
}
