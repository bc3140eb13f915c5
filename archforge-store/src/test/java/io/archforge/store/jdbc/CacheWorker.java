package io.archforge.store.jdbc;

import io.archforge.eval.Evaluation;
import io.archforge.eval.cache.EvaluationKey;
import java.util.Map;

/**
 * A second process for the cache concurrency test: puts the same keys as its sibling into
 * an existing store, each with this worker's id as its accuracy, and prints {@code done}.
 *
 * <p>Arguments: {@code STORE WORKER_ID KEYS}.
 */
public final class CacheWorker {

    private CacheWorker() {
    }

    public static void main(String[] args) {
        String store = args[0];
        double worker = Double.parseDouble(args[1]);
        int keys = Integer.parseInt(args[2]);
        try (JdbcStorage storage = Storages.open(store)) {
            for (int k = 0; k < keys; k++) {
                storage.evaluationCache().put(key(k), Evaluation.of(Map.of("accuracy", worker)));
            }
        }
        System.out.println("done");
    }

    /** The key of the {@code k}-th entry that every worker puts. */
    static EvaluationKey key(int k) {
        return new EvaluationKey("nb201:k" + k, "nb201?dataset=cifar10", "full", 0);
    }
}
