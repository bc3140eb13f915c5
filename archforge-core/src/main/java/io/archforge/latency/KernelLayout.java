package io.archforge.latency;

import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import java.util.List;

/**
 * Splits the networks of one search space into kernels, the units whose latencies an
 * additive latency model sums, in the manner of nn-Meter (Zhang et al., "nn-Meter:
 * Towards Accurate Latency Prediction of Deep-Learning Model Inference on Diverse Edge
 * Devices", MobiSys 2021). A kernel is named by a key that fixes its operation and its
 * input shape, so two networks that run the same kernel name it alike.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface KernelLayout {

    /** Returns the space whose architectures this layout splits. */
    SearchSpace space();

    /**
     * Returns the keys of the kernels that the network of {@code architecture} runs, in
     * network order; a kernel run twice appears twice.
     *
     * @throws IllegalArgumentException when the architecture is from another space
     */
    List<String> kernels(Architecture architecture);
}
