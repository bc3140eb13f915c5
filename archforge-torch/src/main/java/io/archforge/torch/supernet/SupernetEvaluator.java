package io.archforge.torch.supernet;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.space.Architecture;
import io.archforge.torch.train.DjlRuntime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates architectures with the weights of a trained {@link Supernet}, so any search
 * strategy can search the supernet through a study. The one metric, {@value
 * #SUPERNET_ACCURACY}, is the validation accuracy in percent that {@link
 * InheritedWeights} measures. Each evaluation also has the attribute {@code
 * evaluation_seconds}.
 *
 * <p>The supernet's weights do not change, and the calibration images are fixed, so an
 * architecture gets the same score whatever the trial seed and evaluation order, for a
 * fixed intra-op thread count. Evaluations run one at a time because the supernet
 * has a single selected path. Closing the evaluator closes the supernet.
 */
public final class SupernetEvaluator implements Evaluator {

    /** The metric every evaluation returns: inherited-weight validation accuracy, percent. */
    public static final String SUPERNET_ACCURACY = "supernet_accuracy";

    private static final Logger LOG = LoggerFactory.getLogger(SupernetEvaluator.class);

    private final Supernet supernet;
    private final InheritedWeights inherited;
    private final Map<String, String> provenance;

    /**
     * Creates an evaluator that owns {@code supernet}.
     *
     * @param supernet the trained supernet
     * @param inherited the calibration and validation images
     */
    public SupernetEvaluator(Supernet supernet, InheritedWeights inherited) {
        this.supernet = Objects.requireNonNull(supernet, "supernet");
        this.inherited = Objects.requireNonNull(inherited, "inherited");
        Map<String, String> values = new LinkedHashMap<>();
        values.put("supernet", supernet.toString());
        values.putAll(inherited.describe());
        values.putAll(DjlRuntime.versions());
        this.provenance = Collections.unmodifiableMap(values);
    }

    @Override
    public Set<String> metrics() {
        return Set.of(SUPERNET_ACCURACY);
    }

    @Override
    public synchronized Evaluation evaluate(Architecture architecture,
            EvaluationContext context) {
        long start = System.nanoTime();
        double accuracy = inherited.accuracy(supernet, architecture, context);
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.debug("Trial {} ({}): supernet accuracy {}%, {} s", context.trialNumber(),
                architecture.text(), accuracy, seconds);
        return new Evaluation(Map.of(SUPERNET_ACCURACY, accuracy),
                Map.of("evaluation_seconds", String.format(Locale.ROOT, "%.3f", seconds)));
    }

    /** Returns false: the score of an architecture is fixed once the supernet is trained. */
    @Override
    public boolean isNoisy() {
        return false;
    }

    /** Returns false: the trial seed plays no part in an evaluation. */
    @Override
    public boolean dependsOnSeed() {
        return false;
    }

    @Override
    public Map<String, String> describe() {
        return provenance;
    }

    @Override
    public void close() {
        supernet.close();
    }
}
