package io.archforge.execution;

/** Provides the {@code local} executor: a pool of threads in this JVM, one by default. */
public final class LocalExecutorProvider implements TrialExecutorProvider {

    @Override
    public String name() {
        return "local";
    }

    @Override
    public TrialExecutor create(EvaluationRecipe recipe, ExecutorSettings settings) {
        validate(settings);
        return new LocalTrialExecutor(recipe, settings.parallelism().orElse(1));
    }

    @Override
    public void validate(ExecutorSettings settings) {
        if (settings.master().isPresent()) {
            throw new IllegalArgumentException("the local executor takes no master ("
                    + settings.master().get() + "); use --executor spark with --spark-master");
        }
        if (!settings.options().isEmpty()) {
            throw new IllegalArgumentException("unknown options " + settings.options().keySet()
                    + " of the local executor, which takes none");
        }
        if (settings.parallelism().filter(threads -> threads < 1).isPresent()) {
            throw new IllegalArgumentException("the local executor needs at least 1 thread, "
                    + "not " + settings.parallelism().get());
        }
    }
}
