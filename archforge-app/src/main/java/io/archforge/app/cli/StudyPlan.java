package io.archforge.app.cli;

import io.archforge.study.Budget;
import io.archforge.study.StudyConfig;
import java.util.Objects;

/**
 * What a search run does: the study configuration (stored or new) and this run's budget.
 *
 * @param config the configuration the study is created or resumed with
 * @param budget the total trial count and the time limit of this run
 * @param resumed whether the study already existed in the store
 */
record StudyPlan(StudyConfig config, Budget budget, boolean resumed) {

    StudyPlan {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(budget, "budget");
    }
}
