package io.archforge.refine;

import io.archforge.space.Architecture;
import io.archforge.space.MeasuredSpace;
import io.archforge.space.RefinedSpace;
import io.archforge.space.SearchSpace;
import io.archforge.strategy.AskContext;
import io.archforge.strategy.ForwardingStrategy;
import io.archforge.strategy.Proposal;
import io.archforge.strategy.Strategy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A strategy kept inside a refined space. Strategies that draw, mutate or step through
 * neighbours use the space's own operations and stay inside it, but some build
 * architectures from genes, such as TPE, NSGA-II crossover and REINFORCE, and some
 * propose architectures of earlier studies. Such a proposal outside the refined set is
 * moved into it with {@link RefinedSpace#project}, drawing from the trial's generator,
 * and the trial stores the original proposal as {@value #PROJECTED_FROM}.
 */
public final class ConfinedStrategy extends ForwardingStrategy {

    /** The trial attribute holding a proposal that was moved into the refined space. */
    public static final String PROJECTED_FROM = "projected_from";

    private final RefinedSpace space;

    private ConfinedStrategy(Strategy strategy, RefinedSpace space) {
        super(strategy);
        this.space = space;
    }

    /**
     * Confines {@code strategy} to {@code space} when it is a {@link RefinedSpace} or a
     * {@link MeasuredSpace} ({@link MeasuredStrategy}), and returns it unchanged otherwise.
     */
    public static Strategy confine(Strategy strategy, SearchSpace space) {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(space, "space");
        if (space instanceof MeasuredSpace measured) {
            return new MeasuredStrategy(strategy, measured);
        }
        return space instanceof RefinedSpace refined
                ? new ConfinedStrategy(strategy, refined) : strategy;
    }

    @Override
    public Proposal propose(AskContext context) {
        Proposal proposal = super.propose(context);
        Architecture proposed = proposal.architecture();
        if (space.contains(proposed)) {
            return proposal;
        }
        Map<String, String> attributes = new LinkedHashMap<>(proposal.attributes());
        attributes.put(PROJECTED_FROM, proposed.text());
        return new Proposal(space.project(proposed, context.random()), attributes);
    }
}
