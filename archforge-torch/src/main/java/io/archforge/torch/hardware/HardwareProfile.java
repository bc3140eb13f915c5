package io.archforge.torch.hardware;

import io.archforge.hardware.HardwareMetrics;
import io.archforge.hardware.MemoryEstimate;
import io.archforge.torch.train.LatencyStats;
import java.util.Objects;

/**
 * Inference cost of one network measured on this machine, with estimates beside the
 * measurements. A megabyte (MB) is 10^6 bytes.
 *
 * @param latency batch-1 latency, measured
 * @param batchLatency latency of one forward pass on a batch of {@code batchSize}
 *     images, measured
 * @param batchSize images in the batch of {@code batchLatency}
 * @param params trainable parameters, in millions
 * @param flops operations of one forward pass on one image, in millions, in the
 *     counting convention the profile was made with (multiply-accumulates by default)
 * @param macs multiply-accumulates of convolutions and linear layers for one image
 * @param memory estimated memory of a batch-1 inference, see {@link NetworkFootprint}
 * @param measuredMemoryMb memory a DJL batch-1 forward pass held, in MB, see {@link
 *     ForwardMemory}
 * @param energyMj model-based energy estimate of a batch-1 inference, in millijoules
 * @param energyModel one-line description of the energy model
 */
public record HardwareProfile(LatencyStats latency, LatencyStats batchLatency, int batchSize,
        double params, double flops, long macs, MemoryEstimate memory,
        double measuredMemoryMb, double energyMj, String energyModel) {

    public HardwareProfile {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(batchLatency, "batchLatency");
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(energyModel, "energyModel");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got "
                    + batchSize);
        }
    }

    /** Estimated peak memory of a batch-1 inference, in MB. */
    public double memoryMb() {
        return memory.megabytes();
    }

    /** Returns this profile with {@code flops} counted in another convention. */
    public HardwareProfile withFlops(double newFlops) {
        return new HardwareProfile(latency, batchLatency, batchSize, params, newFlops, macs,
                memory, measuredMemoryMb, energyMj, energyModel);
    }

    /** Converts bytes to MB of 10^6 bytes. */
    static double megabytes(long bytes) {
        return bytes / HardwareMetrics.BYTES_PER_MB;
    }
}
