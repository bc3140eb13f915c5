package io.archforge.app.cli;

import ai.djl.ndarray.types.Shape;
import io.archforge.eval.EvaluationContext;
import io.archforge.app.setup.DatasetSpec;
import io.archforge.app.setup.SearchPredictors;
import io.archforge.eval.Evaluator;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.space.MacroSpace;
import io.archforge.space.SearchSpace;
import io.archforge.storage.Storage;
import io.archforge.strategy.Strategies;
import io.archforge.strategy.Strategy;
import io.archforge.study.Budget;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.StudyListener;
import io.archforge.torch.data.DataSplit;
import io.archforge.torch.data.TrainTestData;
import io.archforge.torch.nb201.Nb201Input;
import io.archforge.torch.nb201.Nb201Skeleton;
import io.archforge.torch.nb201.StandAloneTable;
import io.archforge.torch.supernet.InheritedWeights;
import io.archforge.torch.supernet.Nb201Supernet;
import io.archforge.torch.supernet.PathSampling;
import io.archforge.torch.supernet.RankingFidelity;
import io.archforge.torch.supernet.Supernet;
import io.archforge.torch.supernet.SupernetEvaluator;
import io.archforge.torch.supernet.SupernetTrainer;
import io.archforge.torch.supernet.SupernetTraining;
import io.archforge.torch.supernet.SupernetTrainingResult;
import io.archforge.torch.supernet.macro.MacroSupernet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-path one-shot search (Guo et al., ECCV 2020). It trains a supernet of the
 * space with uniform or fair path sampling, then searches it with a black-box strategy.
 * Every trial scores an architecture with the inherited weights after batch-norm
 * recalibration. For the NAS-Bench-201 space in the default skeleton on Fashion-MNIST,
 * it also scores the cells of the bundled stand-alone ground truth and reports the rank
 * agreement (Kendall tau, Spearman) of the supernet with it.
 *
 * @param space nb201 or macro
 * @param settings the supernet's training settings
 * @param skeleton the network around the cell (nb201 only)
 * @param search the black-box strategy that searches the trained supernet
 * @param trials the number of trials of that search
 * @param trainImages training images of the supernet
 * @param validationImages held-out images each trial scores on
 */
record SposRun(String space, SupernetTraining settings, Nb201Skeleton skeleton, String search,
        int trials, int trainImages, int validationImages) implements WeightSharingRun {

    /** The keys {@code --strategy-option} accepts for spos. */
    static final Set<String> KEYS = Set.of("sampling", "channels", "cells_per_stage", "threads");

    /** Trials of the supernet search when {@code --trials} is not given. */
    static final int DEFAULT_TRIALS = 100;

    /** Supernet training epochs when {@code --epochs} is not given. */
    static final int DEFAULT_EPOCHS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(SposRun.class);

    /** The stem stride of macro networks, the same as in stand-alone training. */
    private static final int MACRO_STEM_STRIDE = 2;

    /**
     * Checks the options of a spos search.
     *
     * @throws UsageException naming an invalid key, value or strategy
     */
    static SposRun plan(String space, SearchOptions options,
            Map<String, String> strategyOptions) {
        for (String key : strategyOptions.keySet()) {
            if (!KEYS.contains(key)) {
                throw new UsageException("unknown --strategy-option '" + key + "' for spos: use"
                        + " one of " + new TreeSet<>(KEYS));
            }
        }
        String search = options.supernetSearch != null ? options.supernetSearch : "evolution";
        if (!Strategies.names().contains(search)) {
            throw new UsageException("unknown --supernet-search '" + search + "': use one of "
                    + String.join(", ", Strategies.names()));
        }
        PathSampling sampling;
        try {
            String name = strategyOptions.getOrDefault("sampling", "uniform");
            sampling = PathSampling.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid --strategy-option sampling="
                    + strategyOptions.get("sampling") + ": use uniform or fair");
        }
        if (!space.equals("nb201") && (strategyOptions.containsKey("channels")
                || strategyOptions.containsKey("cells_per_stage"))) {
            throw new UsageException("channels and cells_per_stage shape the nb201 skeleton,"
                    + " so drop them for --space " + space);
        }
        TrainingOptions training = options.training;
        try {
            Nb201Skeleton skeleton = new Nb201Skeleton(
                    DartsOptions.integer(strategyOptions, "channels",
                            Nb201Skeleton.SEARCH.channels()),
                    DartsOptions.integer(strategyOptions, "cells_per_stage",
                            Nb201Skeleton.SEARCH.cellsPerStage()));
            SupernetTraining settings = SupernetTraining.standard(training.epochs != null
                    ? training.epochs : DEFAULT_EPOCHS).withSampling(sampling);
            if (training.batchSize != null || training.learningRate != null) {
                settings = new SupernetTraining(settings.epochs(),
                        training.batchSize != null ? training.batchSize : settings.batchSize(),
                        training.learningRate != null ? training.learningRate
                                : settings.learningRate(),
                        settings.momentum(), settings.weightDecay(), sampling,
                        settings.maxGradientNorm());
            }
            int trials = options.trials != null ? options.trials : DEFAULT_TRIALS;
            if (trials < 1) {
                throw new UsageException("invalid --trials " + trials + ": use 1 or more");
            }
            return new SposRun(space, settings, skeleton, search, trials,
                    training.trainImages != null ? training.trainImages : 10_000,
                    training.validationImages != null ? training.validationImages : 2_000);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid settings of --strategy spos: " + e.getMessage());
        }
    }

    @Override
    public Map<String, String> evaluatorOptions(DatasetSpec.Training dataset) {
        Map<String, String> options = new LinkedHashMap<>(dataset.evaluatorOptions());
        options.put("supernet_training", settings.describe());
        options.put("supernet_search", search);
        options.put("train_images", Integer.toString(trainImages));
        options.put("validation_images", Integer.toString(validationImages));
        if (space.equals("nb201")) {
            options.put("channels", Integer.toString(skeleton.channels()));
            options.put("cells_per_stage", Integer.toString(skeleton.cellsPerStage()));
        }
        return options;
    }

    @Override
    public void prepare(TrainTestData data, DataSplit split) {
        if (space.equals("nb201")) {
            WeightSharingRun.imageInput(data);
        }
        inherited(split);
        if (split.train().size() < settings.batchSize()) {
            throw new UsageException("the training split has " + split.train().size()
                    + " images, fewer than one batch of " + settings.batchSize()
                    + ": raise --train-images or lower --batch-size");
        }
    }

    @Override
    public Outcome execute(Storage storage, StudyConfig config, TrainTestData data,
            DataSplit split, long seed) {
        long start = System.nanoTime();
        try (Supernet supernet = create(data, seed)) {
            SupernetTrainingResult training = new SupernetTrainer(settings).train(supernet, split,
                    seed, EvaluationContext.detached(0));
            double trainMinutes = (System.nanoTime() - start) / 6e10;
            LOG.info("Trained the {} supernet in {} min, now searching it with {} for {} trials",
                    space, String.format(Locale.ROOT, "%.1f", trainMinutes), search, trials);
            Evaluator evaluator = evaluator(supernet, split);
            SearchSpace searchSpace = space.equals("nb201") ? CellSpace.nb201()
                    : MacroSpace.create();
            Strategy strategy = SearchPredictors.create(search, Map.of());
            Study study = Study.open(storage, config, searchSpace, strategy);
            study.optimize(evaluator, Budget.trials(trials), StudyListener.NONE);

            Map<String, Object> details = new LinkedHashMap<>();
            details.put("supernet_space", space);
            details.put("sampling", settings.sampling().name().toLowerCase(Locale.ROOT));
            details.put("supernet_epochs", settings.epochs());
            details.put("supernet_epoch_losses", training.epochLosses());
            details.put("supernet_train_minutes", trainMinutes);
            details.put("supernet_search", search);
            Map<String, Object> ranking = ranking(supernet, split, data);
            details.put("ranking", ranking);
            details.put("summary", summary(trainMinutes, ranking));
            return new Outcome(details);
        }
    }

    private static String summary(double trainMinutes, Map<String, Object> ranking) {
        String training = String.format(Locale.ROOT, "Supernet trained in %.1f min.",
                trainMinutes);
        if (ranking == null) {
            return training + " No ground truth for this setting, so no ranking fidelity.";
        }
        return training + String.format(Locale.ROOT, " Ranking fidelity on %s ground-truth"
                + " cells: Kendall tau %.3f, Spearman %.3f.", ranking.get("count"),
                (Double) ranking.get("kendall_tau"), (Double) ranking.get("spearman"));
    }

    private Supernet create(TrainTestData data, long seed) {
        if (space.equals("nb201")) {
            return Nb201Supernet.create(WeightSharingRun.imageInput(data), skeleton, seed);
        }
        return new MacroSupernet(data.classCount(), MACRO_STEM_STRIDE,
                new Shape(1, 1, data.train().rows(), data.train().columns()),
                seed);
    }

    private static Evaluator evaluator(Supernet supernet, DataSplit split) {
        return new SupernetEvaluator(supernet, inherited(split));
    }

    /**
     * Creates the inherited-weight scorer. It recalibrates batch norm on the standard 40
     * batches of 64 training images, or on as many batches as a smaller split contains.
     *
     * @throws UsageException when the training split has fewer than 64 images
     */
    static InheritedWeights inherited(DataSplit split) {
        int batches = Math.min(InheritedWeights.STANDARD_CALIBRATION_BATCHES,
                split.train().size() / InheritedWeights.STANDARD_BATCH_SIZE);
        if (batches < 1) {
            throw new UsageException("batch-norm recalibration needs at least "
                    + InheritedWeights.STANDARD_BATCH_SIZE + " training images, got "
                    + split.train().size() + ", so raise --train-images");
        }
        return new InheritedWeights(split, batches, InheritedWeights.STANDARD_BATCH_SIZE);
    }

    /**
     * Scores the bundled ground-truth cells with the inherited weights, when the run
     * matches the setting they were trained in. Returns null otherwise, or when the
     * bundled ground truth is missing from the build.
     */
    private Map<String, Object> ranking(Supernet supernet, DataSplit split, TrainTestData data) {
        // Fashion-MNIST sources start with "Fashion-MNIST", and an idx:DIR path that names
        // the data set matches too.
        boolean matches = space.equals("nb201") && skeleton.equals(Nb201Skeleton.SEARCH)
                && data.source().toLowerCase(Locale.ROOT).contains("fashion")
                && data.train().rows() == 28;
        if (!matches) {
            return null;
        }
        Map<Architecture, Double> truth;
        try {
            truth = StandAloneTable.meanAccuracies(StandAloneTable.bundled());
        } catch (IllegalStateException e) {
            LOG.warn("Skipping the ranking fidelity: {}", e.getMessage());
            return null;
        }
        InheritedWeights inherited = inherited(split);
        Map<Architecture, Double> scores = new LinkedHashMap<>();
        for (Architecture cell : truth.keySet()) {
            scores.put(cell, inherited.accuracy(supernet, cell, EvaluationContext.detached(0)));
        }
        RankingFidelity fidelity = RankingFidelity.of(scores, truth);
        Map<String, Object> ranking = new LinkedHashMap<>();
        ranking.put("kendall_tau", fidelity.kendallTau());
        ranking.put("spearman", fidelity.spearman());
        ranking.put("count", fidelity.count());
        ranking.put("ground_truth", StandAloneTable.BUNDLED);
        return ranking;
    }
}
