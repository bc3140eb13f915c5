package io.archforge.benchmarks.latency;

import io.archforge.encoding.Encoder;
import io.archforge.encoding.OneHotEncoder;
import io.archforge.latency.EncodedPredictorFactory;
import io.archforge.latency.KernelLayout;
import io.archforge.latency.LearnedLatencyPredictor;
import io.archforge.latency.LookupPredictor;
import io.archforge.latency.TransferLatencyPredictor;
import io.archforge.latency.TransferLatencyPredictor.SourceDevice;
import io.archforge.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Builds the {@link LatencyCandidate}s of a benchmark. Learned models read the one-hot
 * encoding of the space, which suits both FBNet's 22 positions and NAS-Bench-201's six
 * edges and costs little to fit.
 */
public final class LatencyCandidates {

    /** The source devices the transfer method averages, by rank correlation. */
    public static final int NEIGHBOURS = 3;

    private LatencyCandidates() {
    }

    /**
     * Returns the lookup method: the table {@code lookups} creates for each fit, measured or fitted
     * as the table of the device allows.
     */
    public static LatencyCandidate lookup(Supplier<LookupPredictor> lookups) {
        return new LatencyCandidate(LatencyMethod.LOOKUP.key(), "-",
                (device, seed) -> lookups.get());
    }

    /** Returns the learned method with the model named {@code predictor}. */
    public static LatencyCandidate learned(SearchSpace space, String predictor,
            EncodedPredictorFactory models) {
        Encoder encoder = new OneHotEncoder(space);
        return new LatencyCandidate(LatencyMethod.LEARNED.key(), predictor,
                (device, seed) -> LearnedLatencyPredictor.of(
                        LatencyMethod.LEARNED.key() + ":" + predictor, space, encoder, models,
                        seed));
    }

    /** Returns the learned method on top of the table {@code lookups} creates. */
    public static LatencyCandidate learnedWithLookup(SearchSpace space, String predictor,
            EncodedPredictorFactory models, Supplier<LookupPredictor> lookups) {
        Encoder encoder = new OneHotEncoder(space);
        return new LatencyCandidate(LatencyMethod.LEARNED_LOOKUP.key(), predictor,
                (device, seed) -> LearnedLatencyPredictor.withLookup(
                        LatencyMethod.LEARNED_LOOKUP.key() + ":" + predictor, space, encoder,
                        models, lookups.get(), seed));
    }

    /**
     * Returns the transfer method on {@code bench}: the table's other devices are the sources,
     * read from their measured columns, the benchmark's references embed the devices, and
     * {@code models} fits the residual. The sources' columns cover the held-out
     * architectures too, as for a source device measured across the whole table; the
     * target's held-out latencies are never read.
     */
    public static LatencyCandidate transfer(LatencyBenchmark bench, String predictor,
            EncodedPredictorFactory models) {
        DeviceLatencyTable table = bench.table();
        SearchSpace space = table.space();
        Encoder encoder = new OneHotEncoder(space);
        return new LatencyCandidate(LatencyMethod.TRANSFER.key(), predictor,
                (device, seed) -> new TransferLatencyPredictor(space, bench.references(),
                        sources(table, device), NEIGHBOURS, encoder, models, seed));
    }

    /** Returns every device of {@code table} but {@code target}, each read from its column. */
    static List<SourceDevice> sources(DeviceLatencyTable table, String target) {
        Objects.requireNonNull(target, "target");
        List<SourceDevice> sources = new ArrayList<>();
        for (String device : table.devices()) {
            if (!device.equals(target)) {
                sources.add(new SourceDevice(device, a -> table.latencyMs(a, device)));
            }
        }
        return sources;
    }

    /** Returns a supplier of fitted lookup predictors over {@code layout}. */
    public static Supplier<LookupPredictor> fittedLookups(KernelLayout layout) {
        return () -> LookupPredictor.fitted(layout);
    }
}
