package io.archforge.eval.cache;

import io.archforge.eval.Evaluation;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link EvaluationCache} in memory, lost when the process ends. Thread-safe. */
public final class InMemoryEvaluationCache implements EvaluationCache {

    private final Map<EvaluationKey, Evaluation> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<Evaluation> get(EvaluationKey key) {
        return Optional.ofNullable(entries.get(Objects.requireNonNull(key, "key")));
    }

    @Override
    public void put(EvaluationKey key, Evaluation evaluation) {
        entries.putIfAbsent(Objects.requireNonNull(key, "key"),
                Objects.requireNonNull(evaluation, "evaluation"));
    }

    /** The number of stored entries. */
    public int size() {
        return entries.size();
    }
}
