package io.archforge.execution;

import io.archforge.eval.Evaluator;
import io.archforge.space.SearchSpace;
import java.io.Serializable;

/**
 * How to build a study's search space and evaluator wherever its trials run: in this
 * JVM, in a pool thread, or in a cluster executor that received the recipe serialized.
 * Building may be expensive (loading data), so executors build once per fingerprint.
 */
public interface EvaluationRecipe extends Serializable {

    /** Equal for recipes that build equal evaluators; executors cache by it. */
    String fingerprint();

    /** Builds the search space. */
    SearchSpace space();

    /** Builds a new evaluator; the caller closes it. */
    Evaluator evaluator();
}
