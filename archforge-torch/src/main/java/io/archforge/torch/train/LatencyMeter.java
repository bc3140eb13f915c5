package io.archforge.torch.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures batch-1 inference latency of an initialized network on the CPU.
 *
 * <p>Each measurement runs {@code warmupRuns} untimed forward passes, then times
 * {@code runs} passes one by one with {@link System#nanoTime()}, in inference mode with
 * autograd off. PyTorch's intra-op thread count is set to {@code threads} for the
 * measurement and restored afterwards; it is a process-wide setting, so a trainer
 * running in another thread at the same time runs with that count too. One thread gives
 * a stable median; with more threads the tail grows long on a loaded machine.
 */
public final class LatencyMeter {
    /** The fewest timed runs accepted, so the median and percentiles mean something. */
    public static final int MIN_RUNS = 30;

    private final int warmupRuns;
    private final int runs;
    private final int threads;

    public LatencyMeter(int warmupRuns, int runs, int threads) {
        if (warmupRuns < 0 || runs < MIN_RUNS || threads < 1) {
            throw new IllegalArgumentException("need warm-up runs >= 0, runs >= " + MIN_RUNS
                    + " and threads >= 1, got " + warmupRuns + ", " + runs + ", " + threads);
        }
        this.warmupRuns = warmupRuns;
        this.runs = runs;
        this.threads = threads;
    }

    /** 10 warm-up runs, 50 timed runs, one intra-op thread. */
    public static LatencyMeter standard() {
        return new LatencyMeter(10, 50, 1);
    }

    public int threads() {
        return threads;
    }

    /**
     * Times forward passes of {@code block} on an input of shape {@code input}.
     *
     * @param input the input shape; batch 1 for a batch-1 latency
     */
    public LatencyStats measure(Block block, NDManager manager, Shape input) {
        boolean previousGradMode = DjlRuntime.setGradMode(false);
        int previousThreads = DjlRuntime.threads();
        DjlRuntime.setThreads(threads);
        try {
            ParameterStore parameters = new ParameterStore(manager, false);
            for (int i = 0; i < warmupRuns; i++) {
                time(block, manager, parameters, input);
            }
            List<Double> samples = new ArrayList<>(runs);
            for (int i = 0; i < runs; i++) {
                samples.add(time(block, manager, parameters, input));
            }
            return LatencyStats.of(samples, threads);
        } finally {
            DjlRuntime.setThreads(previousThreads);
            DjlRuntime.setGradMode(previousGradMode);
        }
    }

    private static double time(Block block, NDManager manager, ParameterStore parameters,
            Shape input) {
        try (NDManager run = manager.newSubManager()) {
            NDArray image = run.ones(input);
            long start = System.nanoTime();
            block.forward(parameters, new NDList(image), false);
            return (System.nanoTime() - start) / 1e6;
        }
    }
}
