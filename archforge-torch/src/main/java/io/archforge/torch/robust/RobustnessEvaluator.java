package io.archforge.torch.robust;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.eval.ForwardingEvaluator;
import io.archforge.space.Architecture;
import io.archforge.torch.data.ImageDataset;
import io.archforge.torch.export.ModelExport;
import io.archforge.torch.export.NetworkSpec;
import io.archforge.torch.export.NetworkSpecs;
import io.archforge.torch.export.NetworkWeights;
import io.archforge.torch.export.Safetensors;
import io.archforge.torch.export.TensorFile;
import io.archforge.torch.train.DjlRuntime;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds {@value #ROBUST_ACCURACY} to the evaluations of a training evaluator: the
 * percentage of the validation images that the trained network still classifies
 * correctly under an {@link Attack}.
 *
 * <p>The wrapped evaluator must return the trained weights as the artifact
 * {@value ModelExport#WEIGHTS_FILE}, as {@link io.archforge.torch.train.TrainingEvaluator}
 * does. The network is rebuilt from them ({@link NetworkWeights#load}), so the
 * measurement uses exactly the trained parameters and batch-norm statistics. The
 * validation images must be those the wrapped evaluator scores {@code accuracy} on. The
 * trial seed fixes the random draws of the attack. Trial attributes add the attack's
 * settings ({@link Attack#attributes()}), {@code attack_images} and
 * {@code attack_seconds}. A pruned or stopped trial passes through unchanged.
 */
public final class RobustnessEvaluator extends ForwardingEvaluator {

    /** The metric this evaluator adds, in percent. */
    public static final String ROBUST_ACCURACY = "robust_accuracy";

    private static final Logger LOG = LoggerFactory.getLogger(RobustnessEvaluator.class);

    private final ImageDataset validation;
    private final RobustAccuracy measurement;
    private final Set<String> metrics;

    /**
     * Wraps {@code delegate}.
     *
     * @param validation the images the delegate scores {@code accuracy} on
     */
    public RobustnessEvaluator(Evaluator delegate, ImageDataset validation, Attack attack) {
        super(delegate);
        this.validation = validation;
        this.measurement = new RobustAccuracy(attack);
        Set<String> names = new TreeSet<>(delegate.metrics());
        names.add(ROBUST_ACCURACY);
        this.metrics = Collections.unmodifiableSet(names);
    }

    /** Returns the attack. */
    public Attack attack() {
        return measurement.attack();
    }

    @Override
    public Set<String> metrics() {
        return metrics;
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> values = new LinkedHashMap<>(delegate().describe());
        values.putAll(attack().attributes());
        return values;
    }

    /**
     * Evaluates with the wrapped evaluator, then measures the trained network under the
     * attack.
     *
     * @throws IllegalStateException when the wrapped evaluator returned no weights
     */
    @Override
    public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
        Evaluation clean = delegate().evaluate(architecture, context);
        byte[] weights = clean.artifacts().get(ModelExport.WEIGHTS_FILE);
        if (weights == null) {
            throw new IllegalStateException("the evaluator returned no trained weights"
                    + " (artifact " + ModelExport.WEIGHTS_FILE + "), so " + ROBUST_ACCURACY
                    + " cannot be measured; only real training supports an attack");
        }
        long start = System.nanoTime();
        double accuracy = measure(Safetensors.decode(weights), context);
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("Trial {} ({}): robust accuracy {}% under {} of epsilon {}, measured in {} s",
                context.trialNumber(), architecture.contentHash(),
                decimal("%.2f", accuracy), attack().name(), attack().epsilon(),
                decimal("%.1f", seconds));

        Map<String, Double> metricValues = new HashMap<>(clean.metrics());
        metricValues.put(ROBUST_ACCURACY, accuracy);
        Map<String, String> attributes = new LinkedHashMap<>(clean.attributes());
        attributes.putAll(attack().attributes());
        attributes.put("attack_images", Integer.toString(validation.size()));
        attributes.put("attack_seconds", decimal("%.2f", seconds));
        return new Evaluation(metricValues, attributes, clean.artifacts());
    }

    /** Rebuilds the trained network from its weights and measures it. */
    private double measure(TensorFile weights, EvaluationContext context) {
        NetworkSpec spec = NetworkSpecs.fromMetadata(weights.metadata());
        String text = weights.metadata().get(NetworkWeights.ARCHITECTURE_KEY);
        Architecture trained = spec.parse(text);
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            SequentialBlock network = NetworkWeights.load(spec, trained, weights, manager);
            return measurement.measure(network, manager, validation, context.seed(), context);
        }
    }

    private static String decimal(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
