package io.archforge.app.reliability;

import io.archforge.eval.CostMetrics;
import io.archforge.eval.cache.CachingEvaluator;
import io.archforge.study.FrozenTrial;
import io.archforge.study.TrialState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a COMPLETE trial, for comparing a killed search with one that ran without a
 * stop: the architecture, the seed and the metrics of the evaluation.
 *
 * <p>An evaluation served from the store's evaluation cache reports
 * {@value CostMetrics#TRAINING_EPOCHS} as 0 and keeps the cached cost in attribute
 * {@value CachingEvaluator#CACHED_TRAINING_EPOCHS}; the metrics here carry that cached
 * cost, so that a cache hit and a fresh evaluation of the same table row compare equal.
 *
 * @param architecture the architecture as stored
 * @param seed the trial seed
 * @param metrics the evaluation's metrics
 */
record CompletedTrial(String architecture, long seed, Map<String, Double> metrics) {

    CompletedTrial {
        metrics = Map.copyOf(metrics);
    }

    /** Returns the COMPLETE trials of {@code trials}, in trial order. */
    static List<CompletedTrial> of(List<FrozenTrial> trials) {
        return trials.stream()
                .filter(t -> t.state() == TrialState.COMPLETE)
                .map(CompletedTrial::of)
                .toList();
    }

    private static CompletedTrial of(FrozenTrial trial) {
        Map<String, Double> metrics = new HashMap<>(trial.metrics());
        String cachedCost = trial.attributes().get(CachingEvaluator.CACHED_TRAINING_EPOCHS);
        if (isCacheHit(trial) && cachedCost != null) {
            metrics.put(CostMetrics.TRAINING_EPOCHS, Double.parseDouble(cachedCost));
        }
        return new CompletedTrial(trial.architecture(), trial.seed(), metrics);
    }

    /** Returns whether the store's evaluation cache served {@code trial}'s evaluation. */
    static boolean isCacheHit(FrozenTrial trial) {
        return CachingEvaluator.HIT.equals(trial.attributes().get(CachingEvaluator.ATTRIBUTE));
    }
}
