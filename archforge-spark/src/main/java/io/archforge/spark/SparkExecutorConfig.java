package io.archforge.spark;

import io.archforge.execution.ExecutorSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The validated settings of a {@link SparkTrialExecutor}.
 *
 * <p>Executor options: {@value #GPUS_PER_TRIAL} (GPUs that each trial's task reserves,
 * a whole number or a fraction up to 1 for trials that share a GPU, and only with a
 * cluster manager that schedules GPUs), {@value #MAX_FAILURES} (attempts per trial before
 * Spark gives up, {@code spark.task.maxFailures}), and any Spark property by its full
 * name ({@code spark.executor.memory=4g}), which overrides what this class sets.
 *
 * @param master where the trials run
 * @param parallelism trials in flight at once, or empty to take the cluster's default
 *     parallelism once the context has started
 * @param gpusPerTrial GPUs per trial, or empty when trials need none
 * @param sparkProperties Spark properties given as options
 */
public record SparkExecutorConfig(SparkMaster master, OptionalInt parallelism,
        OptionalDouble gpusPerTrial, Map<String, String> sparkProperties) {

    /** Option: GPUs that each trial reserves. */
    public static final String GPUS_PER_TRIAL = "gpus_per_trial";
    /** Option: attempts per trial before Spark gives up on it. */
    public static final String MAX_FAILURES = "max_failures";
    /** Attempts per trial in the default local master. */
    public static final int DEFAULT_LOCAL_ATTEMPTS = 3;
    /** Threads of the default local master when no parallelism is given. */
    public static final int DEFAULT_LOCAL_THREADS = 2;

    private static final String SPARK_PREFIX = "spark.";
    private static final List<String> KNOWN = List.of(GPUS_PER_TRIAL, MAX_FAILURES,
            SPARK_PREFIX + "* (any Spark property)");

    public SparkExecutorConfig {
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(parallelism, "parallelism");
        Objects.requireNonNull(gpusPerTrial, "gpusPerTrial");
        sparkProperties = Map.copyOf(sparkProperties);
        if (gpusPerTrial.isPresent() && master.isLocal()) {
            throw new IllegalArgumentException("option " + GPUS_PER_TRIAL + "="
                    + format(gpusPerTrial.getAsDouble()) + " needs a cluster manager that "
                    + "schedules GPUs, but master " + master + " runs trials as threads of this "
                    + "JVM and cannot reserve a GPU for a task. Remove the option, or pass "
                    + "--spark-master with a standalone, YARN or Kubernetes cluster whose "
                    + "executors declare spark.executor.resource.gpu.amount");
        }
    }

    /**
     * Validates {@code settings}. Without a master, trials run in local mode with
     * {@code local[N,F]}: N is the parallelism (default {@value #DEFAULT_LOCAL_THREADS})
     * and F is {@value #MAX_FAILURES} (default {@value #DEFAULT_LOCAL_ATTEMPTS}).
     *
     * @throws IllegalArgumentException when an option is unknown or invalid, naming the
     *     known ones or the fix
     */
    public static SparkExecutorConfig of(ExecutorSettings settings) {
        Map<String, String> options = new TreeMap<>(settings.options());
        OptionalDouble gpus = parseGpus(options.remove(GPUS_PER_TRIAL));
        OptionalInt maxFailures = parseMaxFailures(options.remove(MAX_FAILURES));
        Map<String, String> properties = new LinkedHashMap<>();
        for (Map.Entry<String, String> option : options.entrySet()) {
            if (!option.getKey().startsWith(SPARK_PREFIX)) {
                throw new IllegalArgumentException("unknown option '" + option.getKey()
                        + "' of the Spark executor. Known options: " + KNOWN);
            }
            properties.put(option.getKey(), option.getValue());
        }
        OptionalInt parallelism = settings.parallelism().map(OptionalInt::of)
                .orElse(OptionalInt.empty());
        if (parallelism.isPresent() && parallelism.getAsInt() < 1) {
            throw new IllegalArgumentException("the Spark executor needs a parallelism of at "
                    + "least 1, not " + parallelism.getAsInt());
        }
        SparkMaster master = settings.master().map(SparkMaster::new)
                .orElseGet(() -> SparkMaster.local(parallelism.orElse(DEFAULT_LOCAL_THREADS),
                        maxFailures.orElse(DEFAULT_LOCAL_ATTEMPTS)));
        if (maxFailures.isPresent()) {
            applyMaxFailures(master, maxFailures.getAsInt(), properties);
        }
        return new SparkExecutorConfig(master, parallelism, gpus, properties);
    }

    /**
     * Sets {@code spark.task.maxFailures} for a cluster manager. In local mode the
     * attempts are the second number of the master, so a different value there is an error.
     */
    private static void applyMaxFailures(SparkMaster master, int maxFailures,
            Map<String, String> properties) {
        if (!master.isLocal()) {
            properties.putIfAbsent("spark.task.maxFailures", Integer.toString(maxFailures));
            return;
        }
        int attempts = master.localAttempts().getAsInt();
        if (attempts != maxFailures) {
            throw new IllegalArgumentException("option " + MAX_FAILURES + "=" + maxFailures
                    + " contradicts master " + master + ", which allows " + attempts
                    + " attempts per task: in local mode write the attempts into the master, as "
                    + "local[" + master.localThreads().getAsInt() + "," + maxFailures + "]");
        }
    }

    private static OptionalDouble parseGpus(String value) {
        if (value == null) {
            return OptionalDouble.empty();
        }
        double gpus;
        try {
            gpus = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            gpus = Double.NaN;
        }
        // Spark takes fractions up to 1, so that tasks share a GPU, or whole numbers above.
        boolean valid = gpus > 0 && (gpus <= 1 || gpus == Math.rint(gpus)) && gpus < 1e6;
        if (!valid) {
            throw new IllegalArgumentException("invalid option " + GPUS_PER_TRIAL + "=" + value
                    + ": give a whole number of GPUs such as 1 or 2, or a fraction up to 1 "
                    + "such as 0.5 for trials that share a GPU");
        }
        return OptionalDouble.of(gpus);
    }

    private static OptionalInt parseMaxFailures(String value) {
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            int attempts = Integer.parseInt(value.strip());
            if (attempts >= 1) {
                return OptionalInt.of(attempts);
            }
        } catch (NumberFormatException e) {
            // Reported below with the rule.
        }
        throw new IllegalArgumentException("invalid option " + MAX_FAILURES + "=" + value
                + ": give the attempts per trial as a whole number of at least 1");
    }

    private static String format(double gpus) {
        return gpus == Math.rint(gpus) ? Long.toString((long) gpus) : Double.toString(gpus);
    }
}
