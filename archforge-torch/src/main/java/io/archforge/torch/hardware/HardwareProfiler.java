package io.archforge.torch.hardware;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.archforge.hardware.EnergyModel;
import io.archforge.torch.train.LatencyMeter;
import io.archforge.torch.train.LatencyStats;
import java.util.Objects;

/**
 * Measures the {@link HardwareProfile} of an initialized network on this machine:
 * batch-1 and batch-N latency, the memory a forward pass holds, and the estimates of
 * memory and energy from its shapes.
 */
public final class HardwareProfiler {

    /** The batch size of the batch latency unless another is given. */
    public static final int DEFAULT_BATCH_SIZE = 32;

    private final LatencyMeter latency;
    private final LatencyMeter batchLatency;
    private final int batchSize;
    private final EnergyModel energy;

    /**
     * Creates a profiler.
     *
     * @param latency the meter of batch-1 latency
     * @param batchLatency the meter of batch latency
     * @param batchSize images per batch of the batch latency, at least 1
     * @param energy the model of the energy estimate
     */
    public HardwareProfiler(LatencyMeter latency, LatencyMeter batchLatency, int batchSize,
            EnergyModel energy) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got "
                    + batchSize);
        }
        this.latency = Objects.requireNonNull(latency, "latency");
        this.batchLatency = Objects.requireNonNull(batchLatency, "batchLatency");
        this.batchSize = batchSize;
        this.energy = Objects.requireNonNull(energy, "energy");
    }

    /**
     * Creates a profiler that times batch 1 with {@code latency} and batches of {@link
     * #DEFAULT_BATCH_SIZE} with {@link #quickBatchMeter(int)}, and estimates energy with
     * {@link EnergyModel#horowitz45nm()}.
     */
    public static HardwareProfiler withBatchOf(LatencyMeter latency) {
        return new HardwareProfiler(latency, quickBatchMeter(latency.threads()),
                DEFAULT_BATCH_SIZE, EnergyModel.horowitz45nm());
    }

    /**
     * Returns a batch-latency meter that keeps a trial short: 3 warm-up runs and the
     * fewest timed runs {@link LatencyMeter} accepts.
     */
    public static LatencyMeter quickBatchMeter(int threads) {
        return new LatencyMeter(3, LatencyMeter.MIN_RUNS, threads);
    }

    public LatencyMeter latency() {
        return latency;
    }

    public int batchSize() {
        return batchSize;
    }

    public EnergyModel energy() {
        return energy;
    }

    /**
     * Profiles {@code network}.
     *
     * @param network an initialized network whose parameters live in {@code manager}
     * @param image the shape of one input image with a leading batch dimension of 1
     */
    public HardwareProfile profile(Block network, NDManager manager, Shape image) {
        NetworkFootprint footprint = NetworkFootprint.of(network, image);
        long measured = ForwardMemory.measureBytes(network, manager, image);
        LatencyStats single = latency.measure(network, manager, image);
        LatencyStats batch = batchLatency.measure(network, manager, batchShape(image));
        return new HardwareProfile(single, batch, batchSize, footprint.megaParams(),
                footprint.megaMacs(), footprint.macs(), footprint.memory(),
                HardwareProfile.megabytes(measured), energyMillijoules(footprint),
                energy.description());
    }

    /** Estimates the energy of one batch-1 inference of a network, in millijoules. */
    public double energyMillijoules(NetworkFootprint footprint) {
        return energy.estimateMillijoules(footprint.macs(), footprint.memory());
    }

    private Shape batchShape(Shape image) {
        long[] dimensions = image.getShape().clone();
        dimensions[0] = batchSize;
        return new Shape(dimensions);
    }
}
