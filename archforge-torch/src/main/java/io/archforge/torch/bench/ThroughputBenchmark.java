package io.archforge.torch.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.archforge.torch.net.MacroNetworkBuilder;
import io.archforge.torch.net.ModelStats;
import io.archforge.torch.net.ReferenceNetworks;
import io.archforge.torch.train.ClosableSgd;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.Trainer;
import io.archforge.torch.train.TrainingStep;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times training steps of a fixed network with DJL, with the same {@link TrainingStep}
 * that trials use.
 *
 * <p>Networks take 1x28x28 images and have 10 classes: {@code reference} is {@link
 * ReferenceNetworks#REFERENCE_MACRO} built with a stem stride of 2, as the training
 * evaluator builds it, and {@code cnn} is {@link ReferenceNetworks#plainCnn}. Every step
 * trains on one fixed batch of seeded Gaussian images and random labels, created once as
 * native arrays, so data loading is not timed; each step starts from a native copy of
 * that batch. SGD with momentum 0.9 and learning rate 0.01 updates the weights. The
 * intra-op thread count is set for the run and restored afterwards. Besides wall-clock
 * time, the result holds the CPU time of the calling thread, which runs every operator
 * when there is one intra-op thread.
 */
public final class ThroughputBenchmark {
    /** The networks this benchmark can build. */
    public static final List<String> NETWORKS = List.of("reference", "cnn");

    private static final Logger LOG = LoggerFactory.getLogger(ThroughputBenchmark.class);
    private static final Shape IMAGE = new Shape(1, 1, 28, 28);
    private static final int CLASSES = 10;

    private final int batchSize;
    private final int warmupSteps;
    private final int steps;
    private final int threads;

    public ThroughputBenchmark(int batchSize, int warmupSteps, int steps, int threads) {
        if (batchSize < 1 || warmupSteps < 0 || steps < 1 || threads < 1) {
            throw new IllegalArgumentException("need batch size, steps and threads >= 1 and "
                    + "warm-up steps >= 0, got " + batchSize + ", " + steps + ", " + threads
                    + ", " + warmupSteps);
        }
        this.batchSize = batchSize;
        this.warmupSteps = warmupSteps;
        this.steps = steps;
        this.threads = threads;
    }

    /**
     * Trains {@code network} for the warm-up and timed steps and returns the timing.
     *
     * @throws IllegalArgumentException when the network is not one of {@link #NETWORKS}
     */
    public ThroughputResult run(String network) {
        int previousThreads = DjlRuntime.threads();
        DjlRuntime.setThreads(threads);
        ThreadMXBean clock = threadClock();
        try (NDManager manager = DjlRuntime.engine().newBaseManager();
                ClosableSgd optimizer = new ClosableSgd(Optimizer.sgd()
                        .setLearningRateTracker(Tracker.fixed(0.01f))
                        .optMomentum(0.9f))) {
            SequentialBlock block = build(network);
            Trainer.initialize(block, manager, IMAGE, 0);
            ModelStats stats = ModelStats.measure(block, IMAGE);
            TrainingStep step = new TrainingStep(block, manager, optimizer);
            NDArray images = manager.create(gaussianImages(),
                    new Shape(batchSize, 1, IMAGE.get(2), IMAGE.get(3)));
            NDArray labels = manager.create(randomLabels());

            for (int i = 0; i < warmupSteps; i++) {
                step.run(m -> copyBatch(m, images, labels));
            }
            long start = System.nanoTime();
            long cpuStart = clock.getCurrentThreadCpuTime();
            for (int i = 0; i < steps; i++) {
                step.run(m -> copyBatch(m, images, labels));
            }
            double cpuSeconds = (clock.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double seconds = (System.nanoTime() - start) / 1e9;

            Map<String, String> versions = DjlRuntime.versions();
            String framework = "DJL " + versions.get("djl_version") + " / PyTorch "
                    + versions.get("engine_version");
            ThroughputResult result = new ThroughputResult(network, framework, stats.params(),
                    stats.flops(), batchSize, steps, DjlRuntime.threads(), seconds,
                    cpuSeconds);
            LOG.info("{} with {}: {} images/s, {} CPU ms per step", network, framework,
                    Math.round(result.imagesPerSecond()), Math.round(result.cpuMillisPerStep()));
            return result;
        } finally {
            DjlRuntime.setThreads(previousThreads);
        }
    }

    /**
     * Copies the fixed batch into the step's manager on the native side. The copy is
     * needed because an operator's result belongs to the manager of its first operand,
     * so training on the base manager's arrays directly would keep every activation
     * until the run ends.
     */
    private static NDList copyBatch(NDManager step, NDArray images, NDArray labels) {
        NDList batch = new NDList(images.duplicate(), labels.duplicate());
        batch.attach(step);
        return batch;
    }

    private static ThreadMXBean threadClock() {
        ThreadMXBean clock = ManagementFactory.getThreadMXBean();
        if (!clock.isCurrentThreadCpuTimeSupported()) {
            throw new UnsupportedOperationException("this JVM does not measure the CPU time"
                    + " of a thread, which the benchmark reports; run it on HotSpot or"
                    + " OpenJDK");
        }
        return clock;
    }

    private static SequentialBlock build(String network) {
        return switch (network) {
            case "reference" -> new MacroNetworkBuilder(CLASSES, 2)
                    .build(ReferenceNetworks.referenceMacro());
            case "cnn" -> ReferenceNetworks.plainCnn(CLASSES);
            default -> throw new IllegalArgumentException("unknown network '" + network
                    + "'; use one of " + NETWORKS);
        };
    }

    private float[] gaussianImages() {
        SplittableRandom random = new SplittableRandom(1);
        float[] values = new float[batchSize * (int) IMAGE.size()];
        for (int i = 0; i < values.length; i++) {
            // Box-Muller transform, keeping one of the two values it yields
            double u = 1 - random.nextDouble();
            values[i] = (float) (Math.sqrt(-2 * Math.log(u))
                    * Math.cos(2 * Math.PI * random.nextDouble()));
        }
        return values;
    }

    private long[] randomLabels() {
        SplittableRandom random = new SplittableRandom(2);
        long[] labels = new long[batchSize];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(CLASSES);
        }
        return labels;
    }
}
