package io.archforge.torch.text;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.eval.TrialPrunedException;
import io.archforge.fidelity.FidelityKind;
import io.archforge.fidelity.FidelityRange;
import io.archforge.space.Architecture;
import io.archforge.space.TinyGptSpace;
import io.archforge.space.TinyGptSpace.Config;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.LatencyMeter;
import io.archforge.torch.train.LatencyStats;
import io.archforge.torch.train.Trainer;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates {@value TinyGptSpace#NAME} architectures by training a {@link CharTransformer}
 * with DJL on the CPU on the first {@value TextCorpus#TRAIN_PERCENT}% of a text and scoring
 * it on the rest.
 *
 * <p>Metrics: {@code perplexity} (per held-out character, {@code exp} of the mean
 * cross-entropy), {@code bits_per_char} (the mean cross-entropy in bits), {@code
 * latency_ms} (the median time of one forward pass over one window of the context, batch
 * 1, timed by a {@link LatencyMeter}) and {@code params} (trainable parameters, in millions).
 * Attributes add {@code train_seconds}, {@code final_loss}, the latency spread, and
 * {@code bigram_perplexity}: the held-out perplexity of a {@link BigramModel} with
 * pseudo-count {@value #BIGRAM_SMOOTHING}, counted on the same training part, as a
 * baseline.
 *
 * <p>Fidelity: any whole number of epochs from 1 to the settings' epochs. The evaluator
 * is noisy: the latency is measured, and the perplexity depends on the trial seed, which
 * seeds the initial weights and the training windows.
 */
public final class CharLanguageModelEvaluator implements Evaluator {

    /** The metrics every evaluation returns. */
    public static final Set<String> METRICS =
            Set.of("perplexity", "bits_per_char", "latency_ms", "params");

    private static final Logger LOG = LoggerFactory.getLogger(CharLanguageModelEvaluator.class);
    /** The pseudo-count of the bigram baseline that {@code bigram_perplexity} reports. */
    public static final double BIGRAM_SMOOTHING = 0.1;

    // Seeding and initialization share the engine's random generator, so they run as one.
    private static final Object INITIALIZATION_LOCK = new Object();

    private final TextCorpus corpus;
    private final TokenSplit data;
    private final CharTrainingSettings settings;
    private final LatencyMeter latency;
    private final int trainingThreads;
    private final FidelityRange fidelities;
    private final Map<String, String> provenance;

    /**
     * Creates an evaluator and encodes the corpus.
     *
     * @param trainingThreads PyTorch intra-op threads while training
     * @throws TextDataException when the corpus is too short for the context
     */
    public CharLanguageModelEvaluator(TextCorpus corpus, CharTrainingSettings settings,
            LatencyMeter latency, int trainingThreads) {
        if (trainingThreads < 1) {
            throw new IllegalArgumentException("training threads must be at least 1, got "
                    + trainingThreads);
        }
        this.corpus = corpus;
        this.data = TokenSplit.of(corpus, settings.context());
        this.settings = settings;
        this.latency = latency;
        this.trainingThreads = trainingThreads;
        this.fidelities = FidelityRange.continuous(FidelityKind.EPOCHS, 1, settings.epochs());
        this.provenance = provenance();
        LOG.info("Text {}: {} training and {} held-out characters, vocabulary of {}, from {}",
                corpus.name(), data.trainLength(), data.heldOutLength(),
                data.vocabulary().size(), corpus.source());
    }

    /** Creates an evaluator with the standard latency meter and one training thread. */
    public static CharLanguageModelEvaluator standard(TextCorpus corpus,
            CharTrainingSettings settings) {
        return new CharLanguageModelEvaluator(corpus, settings, LatencyMeter.standard(), 1);
    }

    /** Returns the encoded corpus that trials train and score on. */
    public TokenSplit data() {
        return data;
    }

    @Override
    public Set<String> metrics() {
        return METRICS;
    }

    @Override
    public Optional<FidelityRange> fidelityRange() {
        return Optional.of(fidelities);
    }

    @Override
    public boolean isNoisy() {
        return true;
    }

    @Override
    public Map<String, String> describe() {
        return provenance;
    }

    @Override
    public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
        Config config = TinyGptSpace.config(architecture);
        int epochs = context.fidelity().filter(f -> f.kind() == FidelityKind.EPOCHS)
                .map(f -> fidelities.check(f).asInt()).orElse(settings.epochs());
        CharModelTrainer trainer = new CharModelTrainer(settings.withEpochs(epochs));
        Shape window = new Shape(1, settings.context());
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            // Build and initialize from the trial seed
            CharTransformer model = new CharTransformer(config, data.vocabulary().size(),
                    settings.context());
            synchronized (INITIALIZATION_LOCK) {
                Trainer.initialize(model, manager, window, context.seed());
            }
            long params = model.trainableParameters();

            // Train, then time one forward pass over one window
            DjlRuntime.setThreads(trainingThreads);
            CharTrainingResult result;
            try {
                result = trainer.fit(model, manager, data, context.seed(), context);
            } catch (TrialPrunedException e) {
                Map<String, Double> partial = new HashMap<>(e.metrics());
                partial.put("params", params / 1e6);
                throw new TrialPrunedException(e.step(), partial);
            }
            LatencyStats timing = latency.measure(model, manager, window);
            LOG.info("Trial {} ({}): {}", context.trialNumber(), architecture.contentHash(),
                    String.format(Locale.ROOT, "perplexity %.3f, %.3f bits per character, %d"
                            + " params, latency %.3f ms, trained in %.1f s",
                            result.perplexity(), result.bitsPerChar(), params,
                            timing.medianMs(), result.trainSeconds()));
            return new Evaluation(metrics(result, params, timing),
                    attributes(result, timing, epochs));
        }
    }

    private static Map<String, Double> metrics(CharTrainingResult result, long params,
            LatencyStats timing) {
        return Map.of("perplexity", result.perplexity(), "bits_per_char", result.bitsPerChar(),
                "latency_ms", timing.medianMs(), "params", params / 1e6);
    }

    private Map<String, String> attributes(CharTrainingResult result, LatencyStats timing,
            int epochs) {
        Map<String, String> attributes = new LinkedHashMap<>(provenance);
        attributes.put("epochs", Integer.toString(epochs));
        attributes.put("train_seconds", decimal("%.2f", result.trainSeconds()));
        attributes.put("final_loss", decimal("%.4f", result.finalLoss()));
        attributes.put("latency_p10_ms", decimal("%.4f", timing.p10Ms()));
        attributes.put("latency_p90_ms", decimal("%.4f", timing.p90Ms()));
        attributes.put("latency_runs", Integer.toString(timing.samplesMs().size()));
        return attributes;
    }

    private static String decimal(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }

    private Map<String, String> provenance() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("data_source", corpus.source());
        values.put("split", "first " + TextCorpus.TRAIN_PERCENT + "% of the characters trains,"
                + " the rest is held out");
        values.put("vocabulary", data.vocabulary().size() + " token ids (training characters"
                + " and one for unseen ones)");
        values.put("recipe", settings.describe());
        values.put("bigram_perplexity", decimal("%.4f", Math.exp(BigramModel
                .fit(data, BIGRAM_SMOOTHING).crossEntropy(data))));
        values.put("network", "decoder-only character transformer, pre-LayerNorm, tied"
                + " output head");
        values.put("training_threads", Integer.toString(trainingThreads));
        values.put("latency_threads", Integer.toString(latency.threads()));
        values.putAll(DjlRuntime.versions());
        values.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        return Collections.unmodifiableMap(values);
    }
}
