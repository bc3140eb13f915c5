package io.archforge.refine;

import io.archforge.space.Architecture;
import io.archforge.space.MeasuredSpace;
import io.archforge.strategy.AskContext;
import io.archforge.strategy.ForwardingStrategy;
import io.archforge.strategy.Proposal;
import io.archforge.strategy.Strategy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A strategy kept to the members of a {@link MeasuredSpace}, so that a table benchmark is
 * only asked for architectures it measured. Sampling, mutation and neighbours of the
 * space already return members. Strategies that build architectures from genes, such as
 * TPE, NSGA-II crossover, REINFORCE and the Bayesian optimisers, may propose others:
 * such a proposal is moved to its nearest member with {@link MeasuredSpace#project},
 * drawing ties from the trial's generator, and the trial stores the original proposal as
 * {@value #MOVED_FROM}.
 */
public final class MeasuredStrategy extends ForwardingStrategy {

    /** The trial attribute holding a proposal that was moved to a measured architecture. */
    public static final String MOVED_FROM = "moved_from";

    private final MeasuredSpace space;

    /** Keeps {@code strategy} to the members of {@code space}. */
    public MeasuredStrategy(Strategy strategy, MeasuredSpace space) {
        super(strategy);
        this.space = Objects.requireNonNull(space, "space");
    }

    @Override
    public Proposal propose(AskContext context) {
        Proposal proposal = super.propose(context);
        Architecture proposed = proposal.architecture();
        if (space.contains(proposed)) {
            return proposal;
        }
        Map<String, String> attributes = new LinkedHashMap<>(proposal.attributes());
        attributes.put(MOVED_FROM, proposed.text());
        return new Proposal(space.project(proposed, context.random()), attributes);
    }
}
