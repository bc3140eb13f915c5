package io.archforge.spark;

import io.archforge.execution.EvaluationRecipe;
import io.archforge.execution.ExecutorSettings;
import io.archforge.execution.TrialExecutor;
import io.archforge.execution.TrialOutcome;
import io.archforge.execution.TrialTask;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.resource.ResourceProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates trials on Apache Spark, one Spark job of one task per trial, submitted
 * asynchronously so that several trials run at once (the pattern of Hyperopt's
 * SparkTrials). Each job has its own job group, so cancelling a trial's future cancels
 * its job. The task observes the cancellation through {@code shouldStop()}, because its
 * thread is not interrupted. An evaluation error ends the trial FAILED without a retry.
 * An exhausted heap or a stack overflow also ends the trial FAILED. A crash of the task
 * itself (another {@link Error}, or an evaluator that cannot be built)
 * makes Spark run the task again, up to the master's attempts, and the trial's future
 * completes exceptionally when Spark gives up.
 *
 * <p>The executors build the space and evaluators from the recipe once per JVM and
 * fingerprint (see {@link EvaluatorPool}). On a real cluster they need this module's
 * class path, for example through the {@code spark.jars} option, and a driver address
 * they can reach, because the driver binds to 127.0.0.1 by default.
 *
 * <p>Only one Spark context may run in a JVM, so only one of these executors may be
 * open at a time.
 */
public final class SparkTrialExecutor implements TrialExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(SparkTrialExecutor.class);

    private final SparkExecutorConfig config;
    private final JavaSparkContext context;
    private final TrialFunction function;
    private final int parallelism;
    private final Optional<ResourceProfile> profile;
    private final ExecutorService waiters;
    private final AtomicLong submitted = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    private SparkTrialExecutor(SparkExecutorConfig config, JavaSparkContext context,
            EvaluationRecipe recipe) {
        this.config = config;
        this.context = context;
        this.function = new TrialFunction(recipe);
        this.parallelism = config.parallelism().orElseGet(this::clusterParallelism);
        this.profile = GpuProfiles.forTrials(config, context);
        AtomicInteger count = new AtomicInteger();
        this.waiters = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "archforge-spark-wait-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts a Spark context for the trials of {@code recipe}.
     *
     * @throws IllegalArgumentException when a setting is invalid, naming it and the fix
     */
    public static SparkTrialExecutor start(EvaluationRecipe recipe, ExecutorSettings settings) {
        Objects.requireNonNull(recipe, "recipe");
        SparkExecutorConfig config = SparkExecutorConfig.of(settings);
        JavaSparkContext context = new JavaSparkContext(SparkConfs.build(config,
                "archforge " + recipe));
        try {
            SparkTrialExecutor executor = new SparkTrialExecutor(config, context, recipe);
            LOG.info("Spark executor started: master {}, parallelism {}{}", config.master(),
                    executor.parallelism, executor.profile.map(p -> ", GPUs per trial "
                            + config.gpusPerTrial().getAsDouble()).orElse(""));
            return executor;
        } catch (RuntimeException e) {
            context.stop();
            throw e;
        }
    }

    /**
     * Returns the default parallelism of the cluster, counting the executors registered
     * so far. NOTE: executors that register after the start are not counted, so give a
     * parallelism for a cluster that starts its executors slowly.
     */
    private int clusterParallelism() {
        return config.master().localThreads().orElseGet(() -> context.defaultParallelism());
    }

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    /** Returns the master that the trials run on. */
    public SparkMaster master() {
        return config.master();
    }

    /** Returns the Spark context, for monitoring its jobs. */
    JavaSparkContext sparkContext() {
        return context;
    }

    @Override
    public CompletableFuture<TrialOutcome> submit(TrialTask task) {
        Objects.requireNonNull(task, "task");
        if (closed.get()) {
            throw new IllegalStateException("trial " + task.number() + " of study '"
                    + task.study() + "' cannot start because the Spark executor is closed");
        }
        if (context.sc().isStopped()) {
            // Spark's own shutdown hook stops the context when the JVM receives SIGTERM or SIGINT.
            return CompletableFuture.completedFuture(
                    new TrialOutcome.Interrupted("the Spark context has stopped"));
        }
        String group = jobGroup(task, submitted.incrementAndGet());
        JavaFutureAction<List<TrialOutcome>> job;
        try {
            job = startJob(task, group);
        } catch (IllegalStateException e) {
            if (!context.sc().isStopped()) {
                throw e;
            }
            return CompletableFuture.completedFuture(
                    new TrialOutcome.Interrupted("the Spark context has stopped"));
        }
        CompletableFuture<TrialOutcome> result = new CompletableFuture<>();
        waiters.execute(() -> await(task, job, result));
        result.whenComplete((outcome, error) -> {
            if (result.isCancelled() && !closed.get()) {
                LOG.info("Trial {} cancelled: cancelling Spark job group {}", task.number(), group);
                context.cancelJobGroup(group, "trial " + task.number() + " was cancelled");
            }
        });
        return result;
    }

    /** Names the job group of one submission of {@code task}, unique for each submission. */
    static String jobGroup(TrialTask task, long submission) {
        return "archforge:" + task.study() + ":trial-" + task.number() + ":" + submission;
    }

    private JavaFutureAction<List<TrialOutcome>> startJob(TrialTask task, String group) {
        // The job group is a property of the submitting thread, read when the job is submitted.
        synchronized (context) {
            context.setJobGroup(group, "trial " + task.number() + " of study '" + task.study()
                    + "'", false);
            try {
                JavaRDD<TrialTask> tasks = context.parallelize(List.of(task), 1);
                if (profile.isPresent()) {
                    tasks = tasks.withResources(profile.get());
                }
                return tasks.map(function).collectAsync();
            } finally {
                context.clearJobGroup();
            }
        }
    }

    /** Waits for the job and completes {@code result} with its one outcome. */
    private void await(TrialTask task, JavaFutureAction<List<TrialOutcome>> job,
            CompletableFuture<TrialOutcome> result) {
        try {
            result.complete(job.get().get(0));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (context.sc().isStopped() && !closed.get()) {
                // The JVM is shutting down: the trial did not fail, it was cut short.
                LOG.info("Trial {} of study '{}' stopped with the Spark context", task.number(),
                        task.study());
                result.complete(new TrialOutcome.Interrupted("the Spark context stopped"));
                return;
            }
            if (closed.get()) {
                result.completeExceptionally(closedBefore(task, cause));
                return;
            }
            if (!result.isDone()) {
                LOG.warn("Spark gave up on trial {} of study '{}': {}", task.number(),
                        task.study(), cause.toString());
            }
            result.completeExceptionally(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.completeExceptionally(closedBefore(task, e));
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
        }
    }

    private static IllegalStateException closedBefore(TrialTask task, Throwable cause) {
        return new IllegalStateException("the Spark executor closed before trial "
                + task.number() + " of study '" + task.study() + "' finished", cause);
    }

    /** Cancels the running jobs, stops the Spark context and closes this JVM's evaluators. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Stopping the Spark executor on {}", config.master());
        try {
            if (!context.sc().isStopped()) {
                context.cancelAllJobs();
                context.stop();
            }
        } finally {
            waiters.shutdownNow();
            EvaluatorPool.closeAll();
        }
    }
}
