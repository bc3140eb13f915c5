package io.archforge.latency;

import io.archforge.space.Architecture;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An operation lookup table: the latency of a network is {@code baseMs} plus the sum of
 * the latencies of its kernels.
 *
 * <p>A {@link Source#MEASURED} table times every kernel on the device itself, as nn-Meter
 * does, and rejects a network with a kernel it lacks. A {@link Source#FITTED} table is
 * estimated from measured networks, for devices whose single operations cannot be timed;
 * a kernel that no training network ran adds 0 ms, so its cost stays in the base.
 *
 * @param source how the kernel latencies were obtained
 * @param baseMs latency every network pays, in ms, at least 0
 * @param kernelMs latency of each kernel by key, in ms, each at least 0
 */
public record LookupTable(Source source, double baseMs, Map<String, Double> kernelMs) {

    /** The source of a table's kernel latencies. */
    public enum Source {
        /** Each kernel timed on its own. */
        MEASURED,
        /** Estimated from the latencies of whole networks. */
        FITTED
    }

    public LookupTable {
        Objects.requireNonNull(source, "source");
        kernelMs = Map.copyOf(kernelMs);
        if (!(baseMs >= 0) || !Double.isFinite(baseMs)) {
            throw new IllegalArgumentException("base latency is " + baseMs
                    + " ms; it must be finite and at least 0");
        }
        for (Map.Entry<String, Double> kernel : kernelMs.entrySet()) {
            if (!(kernel.getValue() >= 0) || !Double.isFinite(kernel.getValue())) {
                throw new IllegalArgumentException("kernel '" + kernel.getKey() + "' has latency "
                        + kernel.getValue() + " ms; it must be finite and at least 0");
            }
        }
    }

    /**
     * Returns the table's latency of a network that runs {@code kernels}, in ms.
     *
     * @throws IllegalArgumentException when a measured table lacks one of the kernels
     */
    public double latencyMs(List<String> kernels) {
        double sum = baseMs;
        for (String kernel : kernels) {
            Double latency = kernelMs.get(kernel);
            if (latency == null && source == Source.MEASURED) {
                throw new IllegalArgumentException("the measured lookup table has no kernel '"
                        + kernel + "'; measure it before predicting networks that run it");
            }
            sum += latency == null ? 0 : latency;
        }
        return sum;
    }

    /** Returns the latency of the network of {@code architecture} under {@code layout}, in ms. */
    public double latencyMs(KernelLayout layout, Architecture architecture) {
        return latencyMs(layout.kernels(architecture));
    }

    /** Returns the kernel latencies sorted by key, for reports. */
    public Map<String, Double> sortedKernels() {
        return new TreeMap<>(kernelMs);
    }
}
