package io.archforge.app.bench;

import io.archforge.benchmarks.latency.DeviceLatencyTable;
import io.archforge.latency.LookupTable;
import io.archforge.latency.MacroKernel;
import io.archforge.latency.MacroKernels;
import io.archforge.space.Architecture;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.MacroSpace;
import io.archforge.torch.latency.MacroLatencyProfiler;
import io.archforge.torch.train.LatencyMeter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Latencies measured on this machine for {@code bench latency --benchmark local}: random
 * networks of the {@code macro} space as real training on Fashion-MNIST builds them
 * (28x28 grey images, stem stride 2, 10 classes), each timed whole, and the measured
 * lookup table of every kernel they run.
 *
 * @param table the networks with their latency on the one device {@value #DEVICE}
 * @param lookup the measured kernel latencies
 * @param measureSeconds the time the measurements took
 */
record LocalLatencyData(DeviceLatencyTable table, LookupTable lookup, double measureSeconds) {

    /** The device name of this machine. */
    static final String DEVICE = "local";

    private static final Logger LOG = LoggerFactory.getLogger(LocalLatencyData.class);

    /**
     * Draws {@code networks} distinct macro architectures from {@code seed} and times them
     * and their kernels with {@link LatencyMeter#standard()}: batch 1, one intra-op thread,
     * 10 warm-up and 50 timed runs, median.
     */
    static LocalLatencyData measure(int networks, long seed) {
        long start = System.nanoTime();
        ChoiceSpace space = MacroSpace.create();
        SplittableRandom random = new SplittableRandom(seed);
        Set<Architecture> drawn = new LinkedHashSet<>();
        while (drawn.size() < networks) {
            drawn.add(space.sample(random));
        }
        List<Architecture> architectures = List.copyOf(drawn);
        MacroLatencyProfiler profiler = new MacroLatencyProfiler(MacroKernels.fashionMnist(),
                LatencyMeter.standard());

        double[] latencies = new double[architectures.size()];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = profiler.networkMs(architectures.get(i));
            if ((i + 1) % 25 == 0 || i + 1 == latencies.length) {
                LOG.info("Timed {} of {} networks", i + 1, latencies.length);
            }
        }
        List<MacroKernel> kernels = new ArrayList<>();
        architectures.forEach(a -> kernels.addAll(profiler.layout().macroKernels(a)));
        LookupTable lookup = profiler.measure(kernels);
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info(String.format(Locale.ROOT, "Timed %d networks and %d kernels in %.1f s",
                latencies.length, lookup.kernelMs().size(), seconds));
        DeviceLatencyTable table = new DeviceLatencyTable("local", space, architectures,
                List.of(DEVICE), new double[][] {latencies});
        return new LocalLatencyData(table, lookup, seconds);
    }
}
