package io.archforge.eval.cache;

import io.archforge.eval.Evaluation;
import java.util.Optional;

/**
 * Stored evaluations by {@link EvaluationKey}, so that no evaluation is paid for twice.
 *
 * <p>Entries are never replaced: when two callers put the same key, the first stored
 * evaluation stays and the second put does nothing. Implementations are thread-safe;
 * the SQL one is also safe for several processes sharing one store.
 */
public interface EvaluationCache {

    /** The evaluation stored under {@code key}, or empty when there is none. */
    Optional<Evaluation> get(EvaluationKey key);

    /** Stores {@code evaluation} under {@code key} unless an entry for the key exists. */
    void put(EvaluationKey key, Evaluation evaluation);
}
