package io.archforge.execution;

/**
 * Makes a {@link TrialExecutor} of one kind; found with {@link java.util.ServiceLoader},
 * so that an executor whose engine is not on the class path (Apache Spark, say) costs
 * nothing until it is installed.
 */
public interface TrialExecutorProvider {

    /** The executor's name, as given to {@code --executor}. */
    String name();

    /**
     * Checks {@code settings} without starting anything, so that bad input is rejected
     * before a study is written.
     *
     * @throws IllegalArgumentException when a setting is invalid, naming it and the fix
     */
    default void validate(ExecutorSettings settings) {
    }

    /**
     * Creates an executor for the study that {@code recipe} builds.
     *
     * @throws IllegalArgumentException when a setting is invalid, naming it and the fix
     */
    TrialExecutor create(EvaluationRecipe recipe, ExecutorSettings settings);
}
