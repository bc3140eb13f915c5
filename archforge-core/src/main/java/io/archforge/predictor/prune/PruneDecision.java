package io.archforge.predictor.prune;

import io.archforge.predictor.Prediction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A pruner's verdict on one candidate.
 *
 * @param skip whether the study skips the candidate instead of evaluating it
 * @param improvementProbability the predicted probability that the candidate beats the
 *     study's best value (one objective) or enters its Pareto front (several), from 0 to
 *     1; NaN when no model judged the candidate
 * @param predictions the predicted value of each objective, in objective order; empty
 *     when no model judged the candidate
 */
public record PruneDecision(boolean skip, double improvementProbability,
        List<Prediction> predictions) {

    /** The trial attribute of the predicted means, in objective order, comma-separated. */
    public static final String PREDICTED_MEAN = "predicted_mean";
    /** The trial attribute of the predicted standard deviations, in objective order. */
    public static final String PREDICTED_STD = "predicted_std";
    /** The trial attribute of {@link #improvementProbability}. */
    public static final String IMPROVEMENT_PROBABILITY = "improvement_probability";
    /** The trial attribute of the pruner's risk level. */
    public static final String PRUNE_RISK = "prune_risk";

    public PruneDecision {
        predictions = List.copyOf(predictions);
        boolean judged = !Double.isNaN(improvementProbability);
        if (judged && (improvementProbability < 0 || improvementProbability > 1)) {
            throw new IllegalArgumentException("improvement probability must be from 0 to 1, "
                    + "got " + improvementProbability);
        }
        if (judged == predictions.isEmpty()) {
            throw new IllegalArgumentException("a judged decision needs predictions and an "
                    + "unjudged one none, got probability " + improvementProbability + " and "
                    + predictions.size() + " predictions");
        }
        if (skip && !judged) {
            throw new IllegalArgumentException("a skip needs an improvement probability");
        }
    }

    /** Returns the decision to evaluate a candidate no model judged, as before the first fit. */
    public static PruneDecision unjudged() {
        return new PruneDecision(false, Double.NaN, List.of());
    }

    /** Returns whether a model judged the candidate. */
    public boolean judged() {
        return !predictions.isEmpty();
    }

    /**
     * Returns the trial attributes that record this decision under a pruner of risk level
     * {@code risk}: {@value #PREDICTED_MEAN}, {@value #PREDICTED_STD},
     * {@value #IMPROVEMENT_PROBABILITY} and {@value #PRUNE_RISK}. Numbers are written with
     * {@link Double#toString}, so they read back exactly.
     *
     * @throws IllegalStateException when no model judged the candidate
     */
    public Map<String, String> attributes(double risk) {
        if (!judged()) {
            throw new IllegalStateException("an unjudged decision has no predictions to record");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(PREDICTED_MEAN, join(predictions.stream().map(Prediction::mean).toList()));
        attributes.put(PREDICTED_STD, join(predictions.stream().map(Prediction::std).toList()));
        attributes.put(IMPROVEMENT_PROBABILITY, Double.toString(improvementProbability));
        attributes.put(PRUNE_RISK, Double.toString(risk));
        return attributes;
    }

    private static String join(List<Double> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
