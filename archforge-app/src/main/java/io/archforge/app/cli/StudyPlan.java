package io.archforge.app.cli;

import io.archforge.study.Budget;
import io.archforge.study.StudyConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a search run does: the study configuration (stored or new) and this run's budget.
 *
 * @param config the configuration the study is created or resumed with
 * @param budget the total trial count and the time limit of this run
 * @param resumed whether the study already existed in the store
 * @param attributes study attributes to store before the first trial, such as the
 *     refined space of {@code --space-from}
 */
record StudyPlan(StudyConfig config, Budget budget, boolean resumed,
        Map<String, String> attributes) {

    StudyPlan {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(budget, "budget");
        attributes = Map.copyOf(attributes);
    }

    /** A plan that stores no attributes. */
    StudyPlan(StudyConfig config, Budget budget, boolean resumed) {
        this(config, budget, resumed, Map.of());
    }

    /** The study's stored attributes with this plan's on top, as the study will have them. */
    Map<String, String> attributesOver(Map<String, String> stored) {
        Map<String, String> merged = new HashMap<>(stored);
        merged.putAll(attributes);
        return merged;
    }
}
