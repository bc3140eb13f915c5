package io.archforge.torch.bench;

import java.util.Objects;

/**
 * Training throughput of one network in one framework.
 *
 * @param network the network's name, such as {@code reference} or {@code cnn}
 * @param framework the framework and version that trained it
 * @param params trainable parameters, in millions
 * @param flops multiply-accumulates of one forward pass on one image, in millions
 * @param batchSize images per step
 * @param steps timed steps, after the warm-up
 * @param threads intra-op threads, as the framework reported them after setting them
 * @param seconds wall-clock seconds of the timed steps
 * @param cpuSeconds CPU seconds of the training thread during the timed steps. With one
 *     intra-op thread every operator runs on that thread, so this figure depends less on
 *     other load on the machine than {@code seconds} does
 */
public record ThroughputResult(String network, String framework, double params, double flops,
        int batchSize, int steps, int threads, double seconds, double cpuSeconds) {

    /**
     * Training FLOPs per image as a multiple of the forward multiply-accumulates: a
     * multiply-accumulate is 2 FLOPs, and the backward pass costs about twice the forward
     * pass, so a training step is about 3 x 2 = 6 FLOPs per forward MAC. An estimate.
     */
    public static final double TRAINING_FLOPS_PER_MAC = 6.0;

    public ThroughputResult {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(framework, "framework");
        if (batchSize < 1 || steps < 1 || threads < 1 || !(seconds > 0)
                || !(cpuSeconds > 0)) {
            throw new IllegalArgumentException("batch size, steps, threads, seconds and CPU"
                    + " seconds must be positive, got " + batchSize + ", " + steps + ", "
                    + threads + ", " + seconds + ", " + cpuSeconds);
        }
    }

    /** Training images per second. */
    public double imagesPerSecond() {
        return (double) batchSize * steps / seconds;
    }

    /** Training images per CPU second of the training thread. */
    public double imagesPerCpuSecond() {
        return (double) batchSize * steps / cpuSeconds;
    }

    /** CPU milliseconds of the training thread per optimizer step. */
    public double cpuMillisPerStep() {
        return 1e3 * cpuSeconds / steps;
    }

    /** Optimizer steps per second. */
    public double stepsPerSecond() {
        return steps / seconds;
    }

    /** Estimated achieved training GFLOP/s, from {@link #TRAINING_FLOPS_PER_MAC}. */
    public double gflopsPerSecond() {
        return imagesPerSecond() * flops * 1e6 * TRAINING_FLOPS_PER_MAC / 1e9;
    }
}
