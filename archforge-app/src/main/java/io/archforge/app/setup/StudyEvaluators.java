package io.archforge.app.setup;

import io.archforge.eval.Evaluator;
import io.archforge.space.SearchSpace;
import io.archforge.study.StudyConfig;
import java.time.Duration;
import java.util.Optional;

/**
 * Builds the evaluator a stored study configuration describes, the same way wherever
 * it runs: in {@code search}, in a {@code worker}, or on a cluster executor.
 */
public final class StudyEvaluators {

    /**
     * The evaluator option of a tabular study that delays every look-up, in milliseconds
     * (see {@link DelayedEvaluator}).
     */
    public static final String TRIAL_DELAY = "trial_delay_ms";

    private StudyEvaluators() {
    }

    /**
     * Creates the evaluator of {@code config} without the proxy metric, checked against
     * the objectives it must report.
     *
     * @throws io.archforge.app.cli.UsageException naming a bad stored value and the fix
     */
    public static EvaluatorFactory.Setup setup(StudyConfig config) {
        SearchSpace space = StudySpaces.parsing(config);
        EvaluatorFactory.Setup setup = EvaluatorFactory.create(DatasetSpec.of(config), space,
                SearchProxies.objectivesBeforeProxy(config), StudyAttack.stored(config));
        Optional<Duration> delay = trialDelay(config);
        if (delay.isEmpty()) {
            return setup;
        }
        return new EvaluatorFactory.Setup(new DelayedEvaluator(setup.evaluator(), delay.get()),
                setup.dataSource());
    }

    /** Creates the whole evaluator of {@code config}, the proxy metric included. */
    public static Evaluator create(StudyConfig config) {
        return SearchProxies.withMetric(setup(config).evaluator(), config);
    }

    /** Returns the stored trial delay of a study, if it has one. */
    public static Optional<Duration> trialDelay(StudyConfig config) {
        return Optional.ofNullable(config.evaluatorOptions().get(TRIAL_DELAY))
                .map(Long::parseLong).map(Duration::ofMillis);
    }
}
