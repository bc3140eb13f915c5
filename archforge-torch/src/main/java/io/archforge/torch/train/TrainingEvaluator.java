package io.archforge.torch.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import io.archforge.eval.CostMetrics;
import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.eval.TrainingDivergedException;
import io.archforge.eval.TrialPrunedException;
import io.archforge.fidelity.Fidelity;
import io.archforge.fidelity.FidelityKind;
import io.archforge.fidelity.FidelityRange;
import io.archforge.hardware.HardwareMetrics;
import io.archforge.space.Architecture;
import io.archforge.space.MacroSpace;
import io.archforge.space.MacroSpace.StageSpec;
import io.archforge.torch.data.DataSplit;
import io.archforge.torch.data.ImageDataset;
import io.archforge.torch.data.TrainTestData;
import io.archforge.torch.export.MacroNetworkSpec;
import io.archforge.torch.export.ModelExport;
import io.archforge.torch.export.NetworkWeights;
import io.archforge.torch.export.Safetensors;
import io.archforge.torch.hardware.HardwareProfile;
import io.archforge.torch.hardware.HardwareProfiler;
import io.archforge.torch.hardware.NetworkFootprint;
import io.archforge.torch.net.MacroNetworkBuilder;
import io.archforge.torch.net.ModelStats;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates {@code macro} and {@code macro+recipe} architectures by training them with
 * DJL on the CPU.
 *
 * <p>Each evaluation builds the network ({@link MacroNetworkBuilder}), initializes it from
 * the trial seed, trains it with a fixed {@link TrainingRecipe} on a training subset and
 * scores it on a validation set. Both are carved once from the training images with
 * the split seed, so all trials train and score on the same images. The test images are
 * never used. Then it profiles inference with a {@link HardwareProfiler}. Metrics:
 * {@code accuracy} (final validation accuracy, percent), {@code params} (millions),
 * {@code flops} (millions of multiply-accumulates, see {@link ModelStats}), {@code
 * latency_ms} (batch-1 median), {@code latency_p90_ms} (its 90th percentile), {@code memory_mb} (estimated peak memory of a batch-1
 * inference, MB of 10^6 bytes, see {@link NetworkFootprint}), {@code energy_mj} (a
 * model-based energy estimate of a batch-1 inference, millijoules) and {@code
 * training_epochs}. Attributes add the batch latency ({@code latency_batch_ms},
 * {@code latency_batch_p10_ms}, {@code latency_batch_p90_ms}, {@code
 * latency_batch_outliers}, {@code latency_batch_runs}, {@code latency_batch_size}),
 * {@code memory_measured_mb} (what a DJL forward pass held) and {@code energy_model}.
 * A complete evaluation also returns the trained parameters, batch-norm running
 * statistics included, as the artifact {@value ModelExport#WEIGHTS_FILE} in the
 * safetensors format ({@link NetworkWeights}).
 *
 * <p>A {@code macro+recipe} architecture ({@link io.archforge.space.RecipeSpace}) trains
 * its macro network with the evaluator's recipe changed to the trial's learning rate,
 * weight decay, batch size, epochs, optimizer, augmentation and dropout
 * ({@link TrainingRecipe#with}). The attribute {@code recipe} describes the recipe that
 * trained each trial, and such a trial adds one {@code recipe.NAME} attribute per
 * setting. The weights artifact contains the macro network, which dropout leaves
 * unchanged at inference.
 *
 * <p>Fidelity: any whole number of epochs from 1 to the recipe's (the learning-rate
 * schedule spans the epochs of the run), or a fraction of the training images from
 * one batch's worth to all, trained for the recipe's epochs; a fraction's
 * {@code training_epochs} is the epochs times the fraction. Under a stopping rule the trial ends PRUNED
 * after the epoch whose validation accuracy the rule judged too low.
 *
 * <p>The evaluator is noisy: latency is measured and varies from run to run, and
 * accuracy depends on the trial seed. For a fixed seed and intra-op thread count the
 * accuracy itself repeats exactly on the same machine. Several threads may call
 * {@link #evaluate} at once; PyTorch's thread count is process-wide, so set it to one
 * per concurrent trial.
 */
public final class TrainingEvaluator implements Evaluator {
    /** The metrics every evaluation returns. */
    public static final Set<String> METRICS = Set.of("accuracy", "params", "flops", "latency_ms",
            HardwareMetrics.LATENCY_P90_MS, HardwareMetrics.MEMORY_MB, HardwareMetrics.ENERGY_MJ, CostMetrics.TRAINING_EPOCHS);

    private static final Logger LOG = LoggerFactory.getLogger(TrainingEvaluator.class);
    // Seeding and initialization share the engine's random generator, so they run as one.
    private static final Object INITIALIZATION_LOCK = new Object();

    private final TrainTestData data;
    private final DataSplit split;
    private final Trainer trainer;
    private final FidelityRange fidelities;
    private final FidelityRange fractions;
    private final HardwareProfiler profiler;
    private final MacroNetworkBuilder builder;
    private final MacroNetworkSpec networkSpec;
    private final int trainingThreads;
    private final Map<String, String> provenance;

    /**
     * Creates an evaluator and carves the training and validation images. Batch latency
     * is timed as {@link HardwareProfiler#withBatchOf(LatencyMeter)} times it.
     *
     * @param data the dataset; its test split is not used
     * @param recipe the training procedure
     * @param latency how to time batch-1 inference
     * @param stemStride the stride of the stem convolution, 1 or 2
     * @param trainingThreads PyTorch intra-op threads while training
     * @param splitSeed the seed that picks the training and validation images
     */
    public TrainingEvaluator(TrainTestData data, TrainingRecipe recipe, LatencyMeter latency,
            int stemStride, int trainingThreads, long splitSeed) {
        this(data, recipe, HardwareProfiler.withBatchOf(latency), stemStride, trainingThreads,
                splitSeed);
    }

    /**
     * Creates an evaluator that profiles inference with {@code profiler} and carves the
     * training and validation images.
     *
     * @param data the dataset; its test split is not used
     * @param recipe the training procedure
     * @param profiler how to time inference and estimate its memory and energy
     * @param stemStride the stride of the stem convolution, 1 or 2
     * @param trainingThreads PyTorch intra-op threads while training
     * @param splitSeed the seed that picks the training and validation images
     */
    public TrainingEvaluator(TrainTestData data, TrainingRecipe recipe,
            HardwareProfiler profiler, int stemStride, int trainingThreads, long splitSeed) {
        if (trainingThreads < 1) {
            throw new IllegalArgumentException("training threads must be at least 1, got "
                    + trainingThreads);
        }
        this.data = data;
        this.split = DataSplit.carve(data.train(), recipe.validationImages(),
                recipe.trainImages(), splitSeed);
        this.trainer = new Trainer(recipe);
        this.fidelities = FidelityRange.continuous(FidelityKind.EPOCHS, 1, recipe.epochs());
        this.fractions = FidelityRange.continuous(FidelityKind.DATA_FRACTION,
                recipe.batchSize() / (double) recipe.trainImages(), 1);
        this.profiler = Objects.requireNonNull(profiler, "profiler");
        this.builder = new MacroNetworkBuilder(data.classCount(), stemStride);
        this.networkSpec = new MacroNetworkSpec(1, data.train().rows(), data.train().columns(),
                data.classCount(), stemStride);
        this.trainingThreads = trainingThreads;
        this.provenance = provenance(recipe, stemStride, splitSeed);
    }

    /**
     * Creates an evaluator with the standard recipe and latency meter, one training thread
     * and split seed 0. The stem stride is 2, so stage 1 runs at half the input
     * resolution, which keeps a trial within tens of seconds on a CPU.
     */
    public static TrainingEvaluator standard(TrainTestData data) {
        return standard(data, TrainingRecipe.standard());
    }

    /** Creates an evaluator like {@link #standard(TrainTestData)} but with another recipe. */
    public static TrainingEvaluator standard(TrainTestData data, TrainingRecipe recipe) {
        return new TrainingEvaluator(data, recipe, LatencyMeter.standard(), 2, 1, 0);
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
    public Optional<FidelityRange> fidelityRange(FidelityKind kind) {
        return kind == FidelityKind.DATA_FRACTION ? Optional.of(fractions) : fidelityRange();
    }

    @Override
    public boolean isNoisy() {
        return true;
    }

    @Override
    public Map<String, String> describe() {
        return provenance;
    }

    /**
     * Returns the divergence of a trial whose learning rate the search chose, with the
     * fix that applies then: a narrower range, since {@code --learning-rate} sets no rate.
     */
    private static TrainingDivergedException searchedRateDiverged(TrainingDivergedException e,
            TrainingRecipe recipe) {
        return e.withFix("the searched learning rate " + recipe.learningRate() + " is too "
                + "high; narrow it with --recipe-range learning_rate=LOW:HIGH");
    }

        /** Returns the held-out images that {@code accuracy} is measured on. */
    public ImageDataset validationImages() {
        return split.validation();
    }

    @Override
    public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
        TrialRecipe trial = TrialRecipe.of(architecture, trainer.recipe());
        List<StageSpec> stages = MacroSpace.stages(trial.macro());
        Shape input = new Shape(1, 1, data.train().rows(), data.train().columns());
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            // Build and initialize from the trial seed
            SequentialBlock network = builder.build(stages, trial.recipe().dropout());
            synchronized (INITIALIZATION_LOCK) {
                Trainer.initialize(network, manager, input, context.seed());
            }
            ModelStats stats = ModelStats.measure(network, input);

            // Train at the requested fidelity, then time inference
            DjlRuntime.setThreads(trainingThreads);
            // Without a fidelity the trial trains for its recipe's epochs on all images
            Optional<Fidelity> fidelity = context.fidelity();
            double fraction = fidelity.filter(f -> f.kind() == FidelityKind.DATA_FRACTION)
                    .map(f -> fractions.check(f).value()).orElse(1.0);
            int epochs = fidelity.filter(f -> f.kind() == FidelityKind.EPOCHS)
                    .map(f -> fidelities.check(f).asInt()).orElse(trial.recipe().epochs());
            TrainingRecipe recipe = trial.recipe().withEpochs(epochs);
            Trainer run = recipe.equals(trainer.recipe()) ? trainer : new Trainer(recipe);
            TrainingResult result;
            try {
                result = run.fit(network, manager, subset(fraction, run.recipe().batchSize()),
                        context.seed(), context);
            } catch (TrainingDivergedException e) {
                throw trial.chosen().isPresent() ? searchedRateDiverged(e, recipe) : e;
            } catch (TrialPrunedException e) {
                NetworkFootprint footprint = NetworkFootprint.of(network, input);
                Map<String, Double> partial = new HashMap<>(e.metrics());
                partial.put("params", stats.params());
                partial.put("flops", stats.flops());
                partial.put(HardwareMetrics.MEMORY_MB, footprint.memory().megabytes());
                partial.put(HardwareMetrics.ENERGY_MJ, profiler.energyMillijoules(footprint));
                partial.computeIfPresent(CostMetrics.TRAINING_EPOCHS, (key, trained) -> trained * fraction);
                throw new TrialPrunedException(e.step(), partial);
            }
            byte[] weights = Safetensors.encode(NetworkWeights.capture(network, networkSpec,
                    trial.macro(), true, context.seed()));
            HardwareProfile profile = profiler.profile(network, manager, input);
            LOG.info("Trial {} ({}): {}", context.trialNumber(), architecture.contentHash(),
                    String.format(Locale.ROOT, "accuracy %.2f%%, %.4f M params, %.3f M FLOPs,"
                            + " latency %.3f ms, memory %.3f MB (estimate), trained in %.1f s",
                            result.accuracy(), stats.params(), stats.flops(),
                            profile.latency().medianMs(), profile.memoryMb(),
                            result.trainSeconds()));
            Map<String, String> attributes = attributes(result, profile);
            attributes.putAll(trial.attributes(epochs));
            return new Evaluation(metrics(result, stats, profile, epochs * fraction),
                    attributes, Map.of(ModelExport.WEIGHTS_FILE, weights));
        }
    }

    /**
     * Returns the split with the first {@code fraction} of its training images, one batch at
     * least.
     */
    private DataSplit subset(double fraction, int batch) {
        if (fraction >= 1) {
            return split;
        }
        int count = Math.max(batch, (int) Math.round(fraction * split.train().size()));
        int[] first = new int[count];
        for (int i = 0; i < count; i++) {
            first[i] = i;
        }
        return new DataSplit(split.train().select(first), split.validation());
    }

    private static Map<String, Double> metrics(TrainingResult result, ModelStats stats,
            HardwareProfile profile, double epochs) {
        return Map.of("accuracy", result.accuracy(), "params", stats.params(),
                "flops", stats.flops(), "latency_ms", profile.latency().medianMs(),
                HardwareMetrics.LATENCY_P90_MS, profile.latency().p90Ms(),
                HardwareMetrics.MEMORY_MB, profile.memoryMb(),
                HardwareMetrics.ENERGY_MJ, profile.energyMj(),
                CostMetrics.TRAINING_EPOCHS, epochs);
    }

    private Map<String, String> attributes(TrainingResult result, HardwareProfile profile) {
        Map<String, String> attributes = new LinkedHashMap<>(provenance);
        attributes.put("train_seconds", decimal("%.2f", result.trainSeconds()));
        attributes.put("final_loss", decimal("%.4f", result.finalLoss()));
        LatencyStats timing = profile.latency();
        attributes.put("latency_p10_ms", decimal("%.4f", timing.p10Ms()));
        attributes.put("latency_p90_ms", decimal("%.4f", timing.p90Ms()));
        attributes.put("latency_runs", Integer.toString(timing.samplesMs().size()));
        attributes.put("latency_outliers", Integer.toString(timing.outliers()));
        LatencyStats batch = profile.batchLatency();
        attributes.put("latency_batch_ms", decimal("%.4f", batch.medianMs()));
        attributes.put("latency_batch_p10_ms", decimal("%.4f", batch.p10Ms()));
        attributes.put("latency_batch_p90_ms", decimal("%.4f", batch.p90Ms()));
        attributes.put("latency_batch_runs", Integer.toString(batch.samplesMs().size()));
        attributes.put("latency_batch_outliers", Integer.toString(batch.outliers()));
        attributes.put("latency_batch_size", Integer.toString(profile.batchSize()));
        attributes.put("memory_measured_mb", decimal("%.4f", profile.measuredMemoryMb()));
        attributes.put(HardwareMetrics.ENERGY_MODEL, profile.energyModel());
        return attributes;
    }

    private static String decimal(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }

    private Map<String, String> provenance(TrainingRecipe recipe, int stemStride,
            long splitSeed) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("data_source", data.source());
        values.put("recipe", recipe.describe());
        values.put("network", "macro network, MobileNetV2 blocks, stem stride " + stemStride);
        values.put("split_seed", Long.toString(splitSeed));
        values.put("training_threads", Integer.toString(trainingThreads));
        values.put("latency_threads", Integer.toString(profiler.latency().threads()));
        values.putAll(DjlRuntime.versions());
        values.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        return Collections.unmodifiableMap(values);
    }
}
