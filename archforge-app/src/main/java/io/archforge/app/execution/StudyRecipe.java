package io.archforge.app.execution;

import io.archforge.app.setup.StudyEvaluators;
import io.archforge.eval.Evaluator;
import io.archforge.execution.EvaluationRecipe;
import io.archforge.space.SearchSpace;
import io.archforge.app.setup.StudySpaces;
import io.archforge.store.jdbc.StudyConfigJson;
import io.archforge.study.StudyConfig;

/**
 * Builds a study's space and evaluator from its stored configuration, as JSON, so the
 * recipe travels to cluster executors and builds there exactly what {@code search}
 * builds here (without the evaluation cache, which lives in the store).
 */
public final class StudyRecipe implements EvaluationRecipe {

    private static final long serialVersionUID = 1L;

    private final String configJson;

    /** Creates the recipe of {@code config}. */
    public StudyRecipe(StudyConfig config) {
        this.configJson = StudyConfigJson.write(config);
    }

    /** Returns the configuration the recipe builds from. */
    public StudyConfig config() {
        return StudyConfigJson.read(configJson);
    }

    @Override
    public String fingerprint() {
        StudyConfig config = config();
        // The evaluator depends on these fields only, not on the study's name or strategy.
        return config.space() + "\n" + config.evaluator() + "\n"
                + new java.util.TreeMap<>(config.evaluatorOptions()) + "\n" + config.objectives();
    }

    @Override
    public SearchSpace space() {
        return StudySpaces.parsing(config());
    }

    @Override
    public Evaluator evaluator() {
        return StudyEvaluators.create(config());
    }

    @Override
    public String toString() {
        return "recipe of study '" + config().name() + "'";
    }
}
