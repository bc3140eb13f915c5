package io.archforge.strategy;

import io.archforge.study.FrozenTrial;
import io.archforge.transfer.Transfer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A strategy that learns from earlier studies: it hands {@link Transfer} knowledge to
 * the strategy it wraps, shows the transfer each trial of the new study so that the
 * sources' weights follow the new task, and stores the weights with every proposal as
 * {@value Transfer#WEIGHTS}.
 *
 * <p>Wrap the strategy before {@code Study.open}, so that a resumed study's trials
 * replayed through {@link #tell} also rebuild the weights.
 */
public final class WarmStartedStrategy extends ForwardingStrategy {

    private final Transfer transfer;
    private final boolean used;

    /** Hands {@code transfer} to {@code strategy} and wraps it. */
    public WarmStartedStrategy(Strategy strategy, Transfer transfer) {
        super(strategy);
        this.transfer = Objects.requireNonNull(transfer, "transfer");
        this.used = strategy.warmStart(transfer);
    }

    /** Returns the knowledge and its current weights. */
    public Transfer transfer() {
        return transfer;
    }

    /** Returns whether the wrapped strategy uses the knowledge; random search, for one, does not. */
    public boolean used() {
        return used;
    }

    @Override
    public Proposal propose(AskContext context) {
        Proposal proposal = super.propose(context);
        if (!used) {
            return proposal;
        }
        Map<String, String> attributes = new LinkedHashMap<>(proposal.attributes());
        attributes.put(Transfer.WEIGHTS, transfer.weightsNote());
        return new Proposal(proposal.architecture(), attributes);
    }

    @Override
    public void tell(FrozenTrial trial) {
        transfer.observe(trial);
        super.tell(trial);
    }

    @Override
    public boolean warmStart(Transfer other) {
        throw new IllegalStateException(name() + " is already warm-started from "
                + transfer.sources().stream().map(s -> s.name()).toList());
    }
}
