package io.archforge.spark;

import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.resource.ResourceProfile;
import org.apache.spark.resource.ResourceProfileBuilder;
import org.apache.spark.resource.TaskResourceRequests;

/**
 * Builds the stage-level resource profile that reserves GPUs for each trial's task, from
 * option {@value SparkExecutorConfig#GPUS_PER_TRIAL}.
 */
final class GpuProfiles {

    /** Spark's name for the GPU resource, as in {@code spark.executor.resource.gpu.amount}. */
    static final String GPU = "gpu";

    private GpuProfiles() {
    }

    /**
     * Returns the profile for the trials of {@code config}, or empty when they need no GPU.
     * The profile is registered with {@code context} here, so that a cluster manager that
     * cannot honour it fails now and not at the first trial.
     *
     * @throws IllegalArgumentException when the cluster manager rejects the profile
     */
    static Optional<ResourceProfile> forTrials(SparkExecutorConfig config,
            JavaSparkContext context) {
        if (config.gpusPerTrial().isEmpty()) {
            return Optional.empty();
        }
        double gpus = config.gpusPerTrial().getAsDouble();
        ResourceProfile profile = new ResourceProfileBuilder()
                .require(new TaskResourceRequests().resource(GPU, gpus))
                .build();
        try {
            context.emptyRDD().withResources(profile);
        } catch (Exception e) {
            throw new IllegalArgumentException("option " + SparkExecutorConfig.GPUS_PER_TRIAL
                    + "=" + gpus + " cannot be honoured on master " + config.master() + ": "
                    + e.getMessage() + ". Stage-level scheduling needs a standalone, YARN or "
                    + "Kubernetes cluster whose executors declare "
                    + "spark.executor.resource.gpu.amount, so use one or remove the option", e);
        }
        return Optional.of(profile);
    }
}
