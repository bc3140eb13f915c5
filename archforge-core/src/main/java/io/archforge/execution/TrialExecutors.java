package io.archforge.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;

/** Finds trial executors by name among the providers on the class path. */
public final class TrialExecutors {

    private TrialExecutors() {
    }

    /** Returns the names of the executors on the class path, sorted. */
    public static List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        providers().forEach(provider -> names.add(provider.name()));
        return List.copyOf(names);
    }

    /**
     * Creates executor {@code name}.
     *
     * @throws IllegalArgumentException when no provider of that name is on the class path,
     *     or a setting is invalid
     */
    public static TrialExecutor create(String name, EvaluationRecipe recipe,
            ExecutorSettings settings) {
        return provider(name).create(recipe, settings);
    }

    /**
     * Checks the settings of executor {@code name} without starting it.
     *
     * @throws IllegalArgumentException when no provider of that name is on the class path,
     *     or a setting is invalid
     */
    public static void validate(String name, ExecutorSettings settings) {
        provider(name).validate(settings);
    }

    private static TrialExecutorProvider provider(String name) {
        for (TrialExecutorProvider provider : providers()) {
            if (provider.name().equals(name)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("executor '" + name + "' is not available here; "
                + "executors on the class path: " + names()
                + ("spark".equals(name) ? ". The Spark executor is in module archforge-spark: "
                        + "run ./archforge, which adds it when --executor spark is given" : ""));
    }

    private static List<TrialExecutorProvider> providers() {
        List<TrialExecutorProvider> providers = new ArrayList<>();
        ServiceLoader.load(TrialExecutorProvider.class).forEach(providers::add);
        return providers;
    }
}
