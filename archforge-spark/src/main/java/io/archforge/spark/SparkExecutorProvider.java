package io.archforge.spark;

import io.archforge.execution.EvaluationRecipe;
import io.archforge.execution.ExecutorSettings;
import io.archforge.execution.TrialExecutor;
import io.archforge.execution.TrialExecutorProvider;

/**
 * Provides the {@code spark} executor, {@link SparkTrialExecutor}. Its options are listed
 * in {@link SparkExecutorConfig}.
 */
public final class SparkExecutorProvider implements TrialExecutorProvider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public void validate(ExecutorSettings settings) {
        SparkExecutorConfig.of(settings);
    }

    @Override
    public TrialExecutor create(EvaluationRecipe recipe, ExecutorSettings settings) {
        return SparkTrialExecutor.start(recipe, settings);
    }
}
