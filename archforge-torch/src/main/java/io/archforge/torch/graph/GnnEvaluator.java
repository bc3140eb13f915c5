package io.archforge.torch.graph;

import ai.djl.ndarray.NDManager;
import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.EvaluationInterruptedException;
import io.archforge.eval.Evaluator;
import io.archforge.eval.TrialPrunedException;
import io.archforge.space.Architecture;
import io.archforge.space.GnnSpace;
import io.archforge.torch.train.DjlRuntime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates architectures of the {@code gnn} space by training them for real, full
 * batch, on one node-classification graph ({@link GnnTrainer}).
 *
 * <p>Metrics: {@value #ACCURACY} (the best validation accuracy, percent),
 * {@value #TEST_ACCURACY} (the test accuracy of that epoch's weights, percent),
 * {@value #LATENCY_MS} (the median time of one full-graph forward pass on this machine,
 * milliseconds) and {@value #PARAMS} (in millions). It reports {@value #ACCURACY} after
 * every epoch, so stopping rules can prune a trial. Training is noisy across seeds.
 */
public final class GnnEvaluator implements Evaluator {

    /** The validation accuracy, percent. */
    public static final String ACCURACY = "accuracy";
    /** The test accuracy, percent. */
    public static final String TEST_ACCURACY = "test_accuracy";
    /** The forward-pass latency, milliseconds. */
    public static final String LATENCY_MS = "latency_ms";
    /** The parameter count. */
    public static final String PARAMS = "params";

    private static final Logger LOG = LoggerFactory.getLogger(GnnEvaluator.class);
    private static final Set<String> METRICS = Set.of(ACCURACY, TEST_ACCURACY, LATENCY_MS, PARAMS);

    private final GraphData data;
    private final GnnTrainingSettings settings;
    private NDManager manager;
    private GraphTensors tensors;

    /** Creates an evaluator that trains on {@code data} with {@code settings}. */
    public GnnEvaluator(GraphData data, GnnTrainingSettings settings) {
        this.data = Objects.requireNonNull(data, "data");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Set<String> metrics() {
        return METRICS;
    }

    /**
     * Trains the network of {@code architecture}.
     *
     * @throws IllegalArgumentException when it is not of the {@code gnn} space
     * @throws EvaluationInterruptedException when the study requests a stop
     * @throws TrialPrunedException when a stopping rule prunes the trial
     */
    @Override
    public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
        GnnSpace.hidden(architecture);
        GraphTensors graph = tensors();
        GnnTrainer trainer = new GnnTrainer(graph, settings);
        GnnTrainingResult result;
        synchronized (this) {
            result = trainer.train(architecture, manager, context.seed(),
                    (epoch, valid) -> afterEpoch(context, epoch, valid));
        }
        LOG.debug("Trained {} on {}: valid {} %, test {} % at epoch {}, {} s",
                architecture.text(), data.source(), result.validAccuracy(),
                result.testAccuracy(), result.bestEpoch(), result.trainSeconds());
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(ACCURACY, result.validAccuracy());
        metrics.put(TEST_ACCURACY, result.testAccuracy());
        metrics.put(LATENCY_MS, result.latencyMs());
        metrics.put(PARAMS, result.params() / 1e6);
        return new Evaluation(metrics, attributes(result));
    }

    private static void afterEpoch(EvaluationContext context, int epoch, double valid) {
        context.report(epoch, ACCURACY, valid);
        if (context.shouldStop()) {
            throw new EvaluationInterruptedException("graph training stopped after epoch "
                    + epoch);
        }
        if (context.earlyStopping() && context.shouldPrune()) {
            throw new TrialPrunedException(epoch, Map.of(ACCURACY, valid));
        }
    }

    private synchronized GraphTensors tensors() {
        if (tensors == null) {
            manager = DjlRuntime.engine().newBaseManager();
            tensors = GraphTensors.of(data, manager);
        }
        return tensors;
    }

    private Map<String, String> attributes(GnnTrainingResult result) {
        Map<String, String> attributes = new LinkedHashMap<>(describe());
        attributes.put("best_epoch", Integer.toString(result.bestEpoch()));
        attributes.put("train_seconds", String.format(Locale.ROOT, "%.2f",
                result.trainSeconds()));
        attributes.put("final_loss", String.format(Locale.ROOT, "%.4f", result.finalLoss()));
        return attributes;
    }

    @Override
    public boolean isNoisy() {
        return true;
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("data_source", data.source());
        values.put("graph", data.toString());
        values.put("recipe", String.format(Locale.ROOT, "full-batch Adam, %d epochs, learning"
                + " rate %s, weight decay %s, best validation epoch kept", settings.epochs(),
                settings.learningRate(), settings.weightDecay()));
        values.put("training_threads", Integer.toString(settings.threads()));
        return values;
    }

    @Override
    public synchronized void close() {
        if (manager != null) {
            manager.close();
            manager = null;
            tensors = null;
        }
    }
}
