package io.archforge.app.cli;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.space.Architecture;
import java.util.Map;
import java.util.Set;

/** An evaluator that returns results measured elsewhere, to record them as a trial. */
record GivenResult(Map<String, Double> values, Map<String, String> attributes)
        implements Evaluator {

    @Override
    public Set<String> metrics() {
        return values.keySet();
    }

    @Override
    public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
        return new Evaluation(values, attributes);
    }
}
