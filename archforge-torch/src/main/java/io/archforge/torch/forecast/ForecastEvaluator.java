package io.archforge.torch.forecast;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import io.archforge.eval.CostMetrics;
import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.eval.TrialPrunedException;
import io.archforge.fidelity.FidelityKind;
import io.archforge.fidelity.FidelityRange;
import io.archforge.space.Architecture;
import io.archforge.space.ForecastingSpace;
import io.archforge.space.ForecastingSpace.Design;
import io.archforge.torch.forecast.ChronologicalSplit.Part;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.LatencyMeter;
import io.archforge.torch.train.LatencyStats;
import io.archforge.torch.train.Trainer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates {@value ForecastingSpace#NAME} architectures by training them with DJL on one
 * univariate series ({@link ForecastData}).
 *
 * <p>Each evaluation builds the network ({@link ForecastNetworkBuilder}), initializes it
 * from the trial seed, trains it with the architecture's recipe for the evaluator's
 * epochs ({@link ForecastTrainer}), keeps the weights of the best validation epoch, and
 * scores them on every validation and test window. Metrics, all on the standardised
 * scale and all better when lower: {@code mae}, {@code mse} and {@code mase} on the
 * validation windows, {@code test_mae}, {@code test_mse} and {@code test_mase} on the test
 * windows, {@code latency_ms} (median of a batch-1 forecast on this machine), {@code
 * params} (in millions, as every evaluator reports it) and {@code training_epochs}.
 *
 * <p>Fidelity: any whole number of epochs from 1 to the evaluator's. Under a stopping
 * rule the trial ends PRUNED after the epoch whose validation MSE the rule judged too
 * high. The evaluator is noisy: latency varies from run to run, and the errors depend on
 * the trial seed.
 */
public final class ForecastEvaluator implements Evaluator {

    /** The metrics every evaluation returns. */
    public static final Set<String> METRICS = Set.of("mae", "mse", "mase", "test_mae",
            "test_mse", "test_mase", "latency_ms", "params", CostMetrics.TRAINING_EPOCHS);
    /**
     * The default training windows per epoch: every 5th of ETTh1's 8,521 windows at
     * lookback 96 and horizon 24.
     */
    public static final int DEFAULT_MAX_WINDOWS = 2048;

    private static final Logger LOG = LoggerFactory.getLogger(ForecastEvaluator.class);
    // Seeding and initialization share the engine's random generator, so they run as one.
    private static final Object INITIALIZATION_LOCK = new Object();

    private final ForecastData data;
    private final int epochs;
    private final int maxWindows;
    private final LatencyMeter latency;
    private final int trainingThreads;
    private final FidelityRange fidelities;
    private final Map<String, String> provenance;

    /**
     * Creates an evaluator.
     *
     * @param epochs the training epochs of a full-fidelity trial
     * @param maxWindows the maximum training windows per epoch
     * @param latency how to time a batch-1 forecast
     * @param trainingThreads PyTorch intra-op threads while training
     */
    public ForecastEvaluator(ForecastData data, int epochs, int maxWindows,
            LatencyMeter latency, int trainingThreads) {
        if (epochs < 1 || maxWindows < 1 || trainingThreads < 1) {
            throw new IllegalArgumentException("epochs, training windows and threads must be"
                    + " positive, got " + epochs + ", " + maxWindows + " and "
                    + trainingThreads);
        }
        this.data = Objects.requireNonNull(data, "data");
        this.epochs = epochs;
        this.maxWindows = maxWindows;
        this.latency = Objects.requireNonNull(latency, "latency");
        this.trainingThreads = trainingThreads;
        this.fidelities = FidelityRange.continuous(FidelityKind.EPOCHS, 1, epochs);
        this.provenance = provenance();
    }

    /**
     * Creates an evaluator with {@value #DEFAULT_MAX_WINDOWS} training windows per epoch,
     * the standard latency meter and one training thread.
     */
    public static ForecastEvaluator standard(ForecastData data, int epochs) {
        return new ForecastEvaluator(data, epochs, DEFAULT_MAX_WINDOWS,
                LatencyMeter.standard(), 1);
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

    /** Returns the data the evaluator trains and scores on. */
    public ForecastData data() {
        return data;
    }

    @Override
    public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
        Design design = ForecastingSpace.design(architecture);
        int trialEpochs = context.fidelity().filter(f -> f.kind() == FidelityKind.EPOCHS)
                .map(f -> fidelities.check(f).asInt()).orElse(epochs);
        ForecastRecipe recipe = ForecastRecipe.of(design, trialEpochs);
        Block network = ForecastNetworkBuilder.build(design, data.lookback(), data.horizon());
        Trained trained = train(network, recipe, context);
        LOG.info("Trial {} ({}): validation MSE {}, MAE {}, test MSE {}, {} params, latency"
                + " {} ms, best epoch {} of {}, trained in {} s", context.trialNumber(),
                architecture.contentHash(), decimal(trained.validation().mse()),
                decimal(trained.validation().mae()), decimal(trained.test().mse()),
                trained.params(), decimal(trained.latency().medianMs()),
                trained.fit().bestEpoch(), trialEpochs, decimal(trained.fit().trainSeconds()));
        Map<String, String> attributes = new LinkedHashMap<>(provenance);
        attributes.putAll(trained.attributes());
        return new Evaluation(trained.metrics(trialEpochs), attributes);
    }

    /**
     * Trains and scores {@code network} with {@code recipe}, as an evaluation does, and
     * measures its batch-1 latency. Baselines outside the space use it too.
     *
     * @throws TrialPrunedException when a stopping rule ends the training, with the best
     *     validation MSE so far and the parameter count
     */
    public Trained train(Block network, ForecastRecipe recipe, EvaluationContext context) {
        Shape input = new Shape(1, data.lookback());
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            synchronized (INITIALIZATION_LOCK) {
                Trainer.initialize(network, manager, input, context.seed());
            }
            DjlRuntime.setThreads(trainingThreads);
            ForecastFit fit;
            try {
                fit = new ForecastTrainer(recipe, maxWindows).fit(network, manager, data,
                        context.seed(), context);
            } catch (TrialPrunedException e) {
                Map<String, Double> partial = new LinkedHashMap<>(e.metrics());
                partial.put("params", countParameters(network) / 1e6);
                throw new TrialPrunedException(e.step(), partial);
            }
            ForecastErrors validation = ForecastErrors.measure(network, manager,
                    data.windows(Part.VALIDATION, 1), data.naiveScale());
            ForecastErrors test = ForecastErrors.measure(network, manager,
                    data.windows(Part.TEST, 1), data.naiveScale());
            LatencyStats timing = latency.measure(network, manager, input);
            return new Trained(fit, validation, test, timing, countParameters(network));
        }
    }

    /** Returns the number of trainable values of an initialized network. */
    public static long countParameters(Block network) {
        long count = 0;
        for (Parameter parameter : network.getParameters().values()) {
            if (parameter.requiresGradient()) {
                count += parameter.getArray().getShape().size();
            }
        }
        return count;
    }

    private Map<String, String> provenance() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("data_source", data.source());
        values.put("lookback", Integer.toString(data.lookback()));
        values.put("horizon", Integer.toString(data.horizon()));
        values.put("split_rows", data.split().trainEnd() + "/" + data.split().validationEnd()
                + "/" + data.split().testEnd());
        values.put("training_stride", Integer.toString(ForecastTrainer.stride(data,
                maxWindows)));
        values.put("standardization", String.format(Locale.ROOT, "mean %.6g, deviation %.6g",
                data.mean(), data.deviation()));
        values.put("training_threads", Integer.toString(trainingThreads));
        values.putAll(DjlRuntime.versions());
        values.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        return Collections.unmodifiableMap(values);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /**
     * A trained network's scores.
     *
     * @param fit the training outcome
     * @param validation the errors on every validation window
     * @param test the errors on every test window
     * @param latency the batch-1 forecast latency
     * @param params the trainable values
     */
    public record Trained(ForecastFit fit, ForecastErrors validation, ForecastErrors test,
            LatencyStats latency, long params) {
        public Trained {
            Objects.requireNonNull(fit, "fit");
            Objects.requireNonNull(validation, "validation");
            Objects.requireNonNull(test, "test");
            Objects.requireNonNull(latency, "latency");
        }

        /** Returns the metrics of an evaluation trained for {@code epochs}. */
        public Map<String, Double> metrics(int epochs) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("mae", validation.mae());
            metrics.put("mse", validation.mse());
            metrics.put("mase", validation.mase());
            metrics.put("test_mae", test.mae());
            metrics.put("test_mse", test.mse());
            metrics.put("test_mase", test.mase());
            metrics.put("latency_ms", latency.medianMs());
            metrics.put("params", params / 1e6);
            metrics.put(CostMetrics.TRAINING_EPOCHS, (double) epochs);
            return metrics;
        }

        /** Returns the training attributes recorded with an evaluation. */
        public Map<String, String> attributes() {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("best_epoch", Integer.toString(fit.bestEpoch()));
            attributes.put("train_seconds", String.format(Locale.ROOT, "%.2f",
                    fit.trainSeconds()));
            attributes.put("final_loss", String.format(Locale.ROOT, "%.5f", fit.finalLoss()));
            attributes.put("training_windows", Integer.toString(fit.windowsPerEpoch()));
            attributes.put("latency_p90_ms", String.format(Locale.ROOT, "%.4f",
                    latency.p90Ms()));
            return attributes;
        }
    }
}
