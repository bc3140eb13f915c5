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
     * Creates an executor for the study that {@code recipe} builds.
     *
     * @throws IllegalArgumentException when a setting is invalid, naming it and the fix
     */
    TrialExecutor create(EvaluationRecipe recipe, ExecutorSettings settings);
}
