package io.archforge.app.execution;

import io.archforge.app.setup.StudyEvaluators;
import io.archforge.eval.Evaluator;
import io.archforge.eval.TimeLimitedEvaluator;
import io.archforge.execution.EvaluationRecipe;
import io.archforge.space.SearchSpace;
import io.archforge.app.setup.StudySpaces;
import io.archforge.store.jdbc.StudyConfigJson;
import io.archforge.study.StudyConfig;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds a study's space and evaluator from its stored configuration, as JSON, so the
 * recipe travels to cluster executors and builds there exactly what {@code search}
 * builds here (without the evaluation cache, which lives in the store). With a trial
 * time limit, each evaluator it builds is a {@link TimeLimitedEvaluator}.
 */
public final class StudyRecipe implements EvaluationRecipe {

    private static final long serialVersionUID = 1L;

    private final String configJson;
    /** The time limit of each evaluation in milliseconds, or null for none. */
    private final Long trialTimeoutMillis;

    /** Creates the recipe of {@code config}, without a trial time limit. */
    public StudyRecipe(StudyConfig config) {
        this(config, Optional.empty());
    }

    /** Creates the recipe of {@code config} whose evaluations have {@code trialTimeout}. */
    public StudyRecipe(StudyConfig config, Optional<Duration> trialTimeout) {
        this.configJson = StudyConfigJson.write(config);
        this.trialTimeoutMillis = trialTimeout.map(Duration::toMillis).orElse(null);
    }

    /** Returns the configuration the recipe builds from. */
    public StudyConfig config() {
        return StudyConfigJson.read(configJson);
    }

    @Override
    public String fingerprint() {
        StudyConfig config = config();
        // The evaluator depends on these fields and the time limit, not on the study's name
        // or strategy.
        return config.space() + "\n" + config.evaluator() + "\n"
                + new java.util.TreeMap<>(config.evaluatorOptions()) + "\n" + config.objectives()
                + "\n" + trialTimeoutMillis;
    }

    @Override
    public SearchSpace space() {
        return StudySpaces.parsing(config());
    }

    @Override
    public Evaluator evaluator() {
        Evaluator evaluator = StudyEvaluators.create(config());
        if (trialTimeoutMillis == null) {
            return evaluator;
        }
        return new TimeLimitedEvaluator(evaluator, Duration.ofMillis(trialTimeoutMillis));
    }

    @Override
    public String toString() {
        return "recipe of study '" + config().name() + "'";
    }
}
