package io.archforge.latency;

import io.archforge.space.Architecture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A made-up device whose latency is an exact lookup-table sum, for tests. */
final class SyntheticDevice {

    private SyntheticDevice() {
    }

    /**
     * Draws a table over {@code layout}'s kernels of {@code architectures}: base
     * {@code baseMs}, and per position one operation at 0 ms and the others from 0.1 to
     * 2 ms. Positions are the part of a key before {@code =}.
     */
    static LookupTable additive(KernelLayout layout, List<Architecture> architectures,
            double baseMs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Double> kernels = new HashMap<>();
        Map<String, Boolean> positionHasZero = new HashMap<>();
        for (Architecture architecture : architectures) {
            for (String kernel : layout.kernels(architecture)) {
                if (kernels.containsKey(kernel)) {
                    continue;
                }
                String position = kernel.substring(0, kernel.indexOf('='));
                boolean zero = positionHasZero.putIfAbsent(position, true) == null;
                kernels.put(kernel, zero ? 0 : random.nextDouble(0.1, 2));
            }
        }
        return new LookupTable(LookupTable.Source.MEASURED, baseMs, kernels);
    }

    /** Returns the table's latency of each architecture. */
    static double[] latencies(LookupTable table, KernelLayout layout,
            List<Architecture> architectures) {
        double[] latencies = new double[architectures.size()];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = table.latencyMs(layout, architectures.get(i));
        }
        return latencies;
    }
}
