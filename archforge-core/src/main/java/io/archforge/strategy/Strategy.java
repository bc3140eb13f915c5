package io.archforge.strategy;

import io.archforge.space.Architecture;
import io.archforge.study.FrozenTrial;
import io.archforge.transfer.Transfer;

/**
 * Proposes architectures (ask) and learns from results (tell).
 *
 * <p>A strategy keeps no state that cannot be rebuilt by replaying {@link #tell}
 * over a study's stored trials in number order, so resuming a study restores it.
 * It draws every random number from the generator in the {@link AskContext}, so the
 * same study seed replays the same proposals. Instances are not thread-safe; the
 * study calls them from one thread.
 */
public interface Strategy {

    /** The strategy's name, as given to {@code --strategy}. */
    String name();

    /** Proposes the next architecture to evaluate. */
    Architecture ask(AskContext context);

    /**
     * Proposes the next architecture with notes to store with its trial. Strategies
     * that record decisions, such as a change of exploration, override this; the
     * default wraps {@link #ask} with no notes.
     */
    default Proposal propose(AskContext context) {
        return Proposal.of(ask(context));
    }

    /** Learns from a finished trial (complete, pruned or failed). */
    void tell(FrozenTrial trial);

    /**
     * Takes knowledge from earlier studies before the first proposal. The strategy reads
     * the trials and their current weights from {@code transfer} whenever it proposes;
     * {@link WarmStartedStrategy} keeps the weights up to date. The default ignores the
     * knowledge.
     *
     * @return whether the strategy uses the knowledge
     */
    default boolean warmStart(Transfer transfer) {
        return false;
    }
}
