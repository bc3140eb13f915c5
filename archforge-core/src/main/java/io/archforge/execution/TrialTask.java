package io.archforge.execution;

import java.io.Serializable;
import java.util.Map;

/**
 * One trial to evaluate, as an executor receives it: everything but the evaluator,
 * which the executor builds from the study's {@link EvaluationRecipe}. Running the same
 * task twice gives the same result, so an executor may retry it.
 *
 * @param study the study name
 * @param number the trial number
 * @param architecture the architecture in its space's text form
 * @param seed the trial's seed
 * @param attributes the trial's attributes, among them its fidelity when it has one
 */
public record TrialTask(String study, int number, String architecture, long seed,
        Map<String, String> attributes) implements Serializable {

    private static final long serialVersionUID = 1L;

    public TrialTask {
        attributes = Map.copyOf(attributes);
    }
}
