package io.archforge.torch.hardware;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.eval.ForwardingEvaluator;
import io.archforge.hardware.HardwareMetrics;
import io.archforge.space.Architecture;
import io.archforge.torch.nb201.Nb201NetworkBuilder;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.LatencyMeter;
import io.archforge.torch.train.LatencyStats;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the batch-1 latency of NAS-Bench-201 cells measured on this machine to the
 * evaluations of another evaluator, as {@code latency_ms} (median, milliseconds).
 *
 * <p>For each cell it builds the untrained network with {@link Nb201NetworkBuilder},
 * initialized from seed 0, and times it with a {@link LatencyMeter}. Each distinct
 * architecture is measured once per instance, and later evaluations reuse its
 * statistics. Isomorphic cells are measured apart, because the built network still
 * runs the operations on edges that do not reach the output. Measurements run one at a time, so that two
 * concurrent trials do not slow each other's timing; the wrapped evaluation runs
 * without that lock. Latency varies from run to run, so the evaluator is noisy.
 *
 * <p>Attributes of each evaluation: {@code latency_p10_ms}, {@code latency_p90_ms},
 * {@code latency_runs}, {@code latency_outliers}, and {@code latency_reused} ({@code
 * true} when an earlier measurement of the same architecture was reused).
 */
public final class LocalLatencyEvaluator extends ForwardingEvaluator {

    /** The device name that selects this evaluator on the command line. */
    public static final String DEVICE = "local";

    private static final Logger LOG = LoggerFactory.getLogger(LocalLatencyEvaluator.class);

    private final Nb201NetworkBuilder builder;
    private final LatencyMeter meter;
    private final Set<String> metrics;
    private final Map<String, LatencyStats> measured = new ConcurrentHashMap<>();
    private final Object measuring = new Object();

    /**
     * Wraps {@code delegate}, which must not return {@code latency_ms} itself.
     *
     * @param builder builds the network of each cell for the data set's input
     * @param meter times the networks
     * @throws IllegalArgumentException when the delegate already returns latency_ms
     */
    public LocalLatencyEvaluator(Evaluator delegate, Nb201NetworkBuilder builder,
            LatencyMeter meter) {
        super(delegate);
        if (delegate.metrics().contains(HardwareMetrics.LATENCY_MS)) {
            throw new IllegalArgumentException("the wrapped evaluator already returns "
                    + HardwareMetrics.LATENCY_MS + "; give it no latency device");
        }
        this.builder = Objects.requireNonNull(builder, "builder");
        this.meter = Objects.requireNonNull(meter, "meter");
        Set<String> names = new LinkedHashSet<>(delegate.metrics());
        names.add(HardwareMetrics.LATENCY_MS);
        names.add(HardwareMetrics.LATENCY_P90_MS);
        this.metrics = Set.copyOf(names);
    }

    @Override
    public Set<String> metrics() {
        return metrics;
    }

    @Override
    public boolean isNoisy() {
        return true;
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> description = new LinkedHashMap<>(delegate().describe());
        description.put("device", DEVICE);
        description.put("latency_threads", Integer.toString(meter.threads()));
        description.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        description.putAll(DjlRuntime.versions());
        return Map.copyOf(description);
    }

    @Override
    public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
        Evaluation evaluation = delegate().evaluate(architecture, context);
        LatencyStats reused = measured.get(architecture.text());
        LatencyStats timing = reused != null ? reused : measure(architecture);
        Map<String, Double> metricValues = new HashMap<>(evaluation.metrics());
        metricValues.put(HardwareMetrics.LATENCY_MS, timing.medianMs());
        metricValues.put(HardwareMetrics.LATENCY_P90_MS, timing.p90Ms());
        Map<String, String> attributes = new HashMap<>(evaluation.attributes());
        attributes.put("latency_p10_ms", decimal(timing.p10Ms()));
        attributes.put("latency_p90_ms", decimal(timing.p90Ms()));
        attributes.put("latency_runs", Integer.toString(timing.samplesMs().size()));
        attributes.put("latency_outliers", Integer.toString(timing.outliers()));
        attributes.put("latency_reused", Boolean.toString(reused != null));
        return new Evaluation(metricValues, attributes, evaluation.artifacts());
    }

    private LatencyStats measure(Architecture architecture) {
        synchronized (measuring) {
            LatencyStats earlier = measured.get(architecture.text());
            if (earlier != null) {
                return earlier;
            }
            try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
                Block network = builder.create(architecture, manager, DataType.FLOAT32, 0, false);
                LatencyStats timing = meter.measure(network, manager,
                        builder.input().batchShape(1));
                LOG.debug("Measured {}: median {} ms", architecture.text(),
                        decimal(timing.medianMs()));
                measured.put(architecture.text(), timing);
                return timing;
            }
        }
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
