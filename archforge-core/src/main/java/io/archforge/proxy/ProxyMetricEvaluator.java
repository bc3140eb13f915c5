package io.archforge.proxy;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.eval.ForwardingEvaluator;
import io.archforge.space.Architecture;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Adds a zero-cost proxy score to every evaluation as a metric of the proxy's name, so
 * a study can record it beside the trained result or make it an objective. The proxy
 * is computed before the wrapped evaluator runs: a proxy that overflows or is not a
 * number throws {@link ArithmeticException}, which fails the trial with the reason
 * before any training is spent, and the study goes on.
 */
public final class ProxyMetricEvaluator extends ForwardingEvaluator {

    private final Evaluator inner;
    private final ProxyScorer scorer;
    private final Set<String> metrics;

    public ProxyMetricEvaluator(Evaluator inner, ProxyScorer scorer) {
        super(inner);
        this.inner = inner;
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        Set<String> names = new LinkedHashSet<>(inner.metrics());
        names.add(scorer.name());
        this.metrics = Set.copyOf(names);
    }

    @Override
    public Set<String> metrics() {
        return metrics;
    }

    @Override
    public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
        double score = scorer.score(architecture);
        if (!Double.isFinite(score)) {
            throw new ArithmeticException("proxy " + scorer.name() + " gave " + score + " for "
                    + architecture.text());
        }
        Evaluation evaluation = inner.evaluate(architecture, context);
        Map<String, Double> values = new HashMap<>(evaluation.metrics());
        values.put(scorer.name(), score);
        return new Evaluation(values, evaluation.attributes(), evaluation.artifacts());
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> description = new HashMap<>(inner.describe());
        description.put("proxy_metric", scorer.name());
        return Map.copyOf(description);
    }

}
