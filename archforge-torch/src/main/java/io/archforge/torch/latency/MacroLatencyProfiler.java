package io.archforge.torch.latency;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import io.archforge.latency.LookupTable;
import io.archforge.latency.MacroKernel;
import io.archforge.latency.MacroKernels;
import io.archforge.space.Architecture;
import io.archforge.space.MacroSpace.StageSpec;
import io.archforge.torch.net.MacroNetworkBuilder;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.LatencyMeter;
import io.archforge.torch.train.Trainer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times {@code macro} networks and their kernels on this machine with DJL, for a
 * {@link LookupTable.Source#MEASURED} operation lookup table in the manner of nn-Meter
 * (Zhang et al., MobiSys 2021).
 *
 * <p>A kernel is the stem, one block or the classifier of {@link MacroNetworkBuilder},
 * built on its own, initialized with seed 0 and timed by the {@link LatencyMeter} on a
 * batch-1 input of the shape it receives inside the network. A network is timed the same
 * way as a whole. Each time is the median of the meter's runs, in ms. The table's base is
 * 0, so a network's table latency is the plain sum of its kernels. Each kernel's time
 * includes the fixed overhead of one forward call, which the whole network pays once.
 */
public final class MacroLatencyProfiler {

    private static final Logger LOG = LoggerFactory.getLogger(MacroLatencyProfiler.class);

    private final MacroKernels layout;
    private final MacroNetworkBuilder builder;
    private final LatencyMeter meter;

    /** Creates a profiler of the networks {@code layout} describes, timed by {@code meter}. */
    public MacroLatencyProfiler(MacroKernels layout, LatencyMeter meter) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.meter = Objects.requireNonNull(meter, "meter");
        this.builder = new MacroNetworkBuilder(layout.classes(), layout.stemStride());
    }

    /** Returns the kernel layout of the timed networks. */
    public MacroKernels layout() {
        return layout;
    }

    /** Returns the median batch-1 latency of the whole network of {@code architecture}, in ms. */
    public double networkMs(Architecture architecture) {
        Shape input = new Shape(1, layout.inputChannels(), layout.imageSize(),
                layout.imageSize());
        return time(builder.build(architecture), input);
    }

    /** Returns the median batch-1 latency of one kernel, in ms. */
    public double kernelMs(MacroKernel kernel) {
        Shape input = new Shape(1, kernel.inputChannels(), kernel.inputSize(),
                kernel.inputSize());
        return time(block(kernel), input);
    }

    /**
     * Times every distinct kernel of {@code kernels} and returns them as a measured table
     * with base 0.
     */
    public LookupTable measure(Collection<MacroKernel> kernels) {
        Map<String, Double> latencies = new LinkedHashMap<>();
        for (MacroKernel kernel : kernels) {
            if (!latencies.containsKey(kernel.key())) {
                double latency = kernelMs(kernel);
                LOG.debug("Kernel {}: {} ms", kernel.key(), latency);
                latencies.put(kernel.key(), latency);
            }
        }
        return new LookupTable(LookupTable.Source.MEASURED, 0, latencies);
    }

    private Block block(MacroKernel kernel) {
        return switch (kernel.kind()) {
            case STEM -> builder.stem(kernel.outputChannels());
            case CLASSIFIER -> builder.classifier();
            case BLOCK -> MacroNetworkBuilder.block(new StageSpec(1, kernel.outputChannels(),
                    kernel.kernelSize(), kernel.expansion(), kernel.residual()),
                    kernel.inputChannels(), kernel.stride());
        };
    }

    private double time(Block block, Shape input) {
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            Trainer.initialize(block, manager, input, 0);
            return meter.measure(block, manager, input).medianMs();
        }
    }
}
