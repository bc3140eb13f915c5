package io.archforge.strategy.bo;

import io.archforge.space.Architecture;
import io.archforge.strategy.AskContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The candidates of one proposal in insertion order: architectures not yet evaluated,
 * at most one of each isomorphism class.
 */
public final class CandidatePool {

    private final AskContext context;
    private final Map<String, Architecture> candidates = new LinkedHashMap<>();

    /** Creates an empty pool that leaves out what {@code context} reports as evaluated. */
    public CandidatePool(AskContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Adds {@code candidate} unless it, or an isomorphic architecture, is in the pool or
     * was evaluated.
     *
     * @return whether the pool grew
     */
    public boolean add(Architecture candidate) {
        String key = candidate.isomorphismKey();
        if (candidates.containsKey(key) || context.isEvaluated(candidate)) {
            return false;
        }
        candidates.put(key, candidate);
        return true;
    }

    /** The number of candidates. */
    public int size() {
        return candidates.size();
    }

    /** The candidates in the order they were added. */
    public List<Architecture> architectures() {
        return List.copyOf(candidates.values());
    }
}
