package io.archforge.app.domain.graph;

import io.archforge.app.cli.UsageException;
import io.archforge.app.domain.Domain;
import io.archforge.app.domain.DomainRequest;
import io.archforge.app.setup.DatasetSpec;
import io.archforge.app.setup.EvaluatorFactory;
import io.archforge.provenance.DataInput;
import io.archforge.space.GnnSpace;
import io.archforge.space.SearchSpace;
import io.archforge.study.Objective;
import io.archforge.torch.graph.GnnEvaluator;
import io.archforge.torch.graph.GnnTrainingSettings;
import io.archforge.torch.graph.GraphData;
import io.archforge.torch.graph.GraphDataException;
import io.archforge.torch.graph.NodeSplit;
import io.archforge.torch.graph.PlanetoidDatasets;
import io.archforge.torch.graph.PlanetoidReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Graph neural networks trained for real on node classification: {@code --dataset cora},
 * {@code --dataset citeseer} (both bundled, with the standard Planetoid split) or
 * {@code --dataset graph:DIR}, where DIR contains {@value PlanetoidReader#NODES_FILE} and
 * {@value PlanetoidReader#EDGES_FILE} in the Planetoid layout. The space is {@code gnn}
 * ({@link GnnSpace}); the default objective is {@code accuracy:max}.
 *
 * <p>Training options: {@code --epochs} (default 200) and {@code --learning-rate}
 * (default 0.01). Training is full batch, so {@code --batch-size}, {@code --train-images}
 * and {@code --validation-images} are rejected, as is a {@code --device} other than
 * {@code local}.
 */
public final class GnnDomain implements Domain {

    /** The evaluator name stored with a study. */
    public static final String EVALUATOR = "gnn";

    /** The prefix of a graph directory given as {@code --dataset}. */
    public static final String PREFIX = "graph:";

    /** The evaluator option holding the data set as the command line names it. */
    public static final String DATASET = "dataset";
    /** The evaluator option holding the epoch count. */
    public static final String EPOCHS = "epochs";
    /** The evaluator option holding the learning rate. */
    public static final String LEARNING_RATE = "learning_rate";

    private static final String EPOCHS_OPTION = "--epochs";
    private static final String LEARNING_RATE_OPTION = "--learning-rate";
    private static final Set<String> TRAINING_OPTIONS = Set.of(EPOCHS_OPTION,
            LEARNING_RATE_OPTION);

    @Override
    public String evaluator() {
        return EVALUATOR;
    }

    @Override
    public boolean claims(DomainRequest request) {
        String dataset = request.dataset();
        return request.benchmark().isEmpty()
                && (PlanetoidDatasets.NAMES.contains(dataset) || dataset.startsWith(PREFIX));
    }

    @Override
    public DatasetSpec.Domain parse(DomainRequest request) {
        rejectUnused(request);
        String dataset = request.dataset();
        if (dataset.startsWith(PREFIX)) {
            dataset = PREFIX + directory(dataset);
        }
        GnnTrainingSettings settings = GnnTrainingSettings.standard()
                .withEpochs(epochs(request))
                .withLearningRate(learningRate(request));

        // Read the graph now, so bad files fail before the study starts
        requireSplits(dataset, read(dataset));
        return spec(dataset, settings);
    }

    private static void rejectUnused(DomainRequest request) {
        request.device().filter(device -> !device.equals(DatasetSpec.LOCAL_DEVICE))
                .ifPresent(device -> {
                    throw new UsageException("--device " + device + " does not apply to"
                            + " --dataset " + request.dataset() + ", whose latency_ms is"
                            + " measured on this machine; drop --device");
                });
        request.data().ifPresent(data -> {
            throw new UsageException("--data " + data + " does not apply to --dataset "
                    + request.dataset() + "; give a graph directory as --dataset graph:DIR"
                    + " instead");
        });
        if (!request.options().isEmpty()) {
            String option = request.options().keySet().iterator().next();
            throw new UsageException(option + " " + request.options().get(option)
                    + " does not apply to --dataset " + request.dataset() + "; drop " + option);
        }
        for (String option : request.training().keySet()) {
            if (!TRAINING_OPTIONS.contains(option)) {
                throw new UsageException(option + " " + request.training().get(option)
                        + " does not apply to --dataset " + request.dataset() + ": graph"
                        + " networks train full batch on the graph's own split; use only "
                        + EPOCHS_OPTION + " and " + LEARNING_RATE_OPTION);
            }
        }
    }

    private static Path directory(String dataset) {
        String name = dataset.substring(PREFIX.length());
        if (name.isBlank()) {
            throw new UsageException("--dataset " + dataset + " names no directory: use"
                    + " --dataset graph:DIR with a directory that holds "
                    + PlanetoidReader.NODES_FILE + " and " + PlanetoidReader.EDGES_FILE);
        }
        Path directory = Path.of(name).toAbsolutePath().normalize();
        if (!Files.isDirectory(directory)) {
            throw new UsageException("graph directory '" + directory + "' (--dataset "
                    + dataset + ") does not exist or is not a directory; pass a directory"
                    + " that holds " + PlanetoidReader.NODES_FILE + " and "
                    + PlanetoidReader.EDGES_FILE);
        }
        return directory;
    }

    private static int epochs(DomainRequest request) {
        int epochs = request.trainingOption(EPOCHS_OPTION)
                .map(value -> ((Number) value).intValue()).orElse(GnnTrainingSettings.EPOCHS);
        if (epochs < 1) {
            throw new UsageException("invalid " + EPOCHS_OPTION + " " + epochs
                    + ": use 1 or more, such as " + GnnTrainingSettings.EPOCHS);
        }
        return epochs;
    }

    private static double learningRate(DomainRequest request) {
        double rate = request.trainingOption(LEARNING_RATE_OPTION)
                .map(value -> ((Number) value).doubleValue())
                .orElse(GnnTrainingSettings.LEARNING_RATE);
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new UsageException("invalid " + LEARNING_RATE_OPTION + " " + rate
                    + ": use a positive rate, such as " + GnnTrainingSettings.LEARNING_RATE);
        }
        return rate;
    }

    private static void requireSplits(String dataset, GraphData graph) {
        for (NodeSplit split : List.of(NodeSplit.TRAIN, NodeSplit.VALID, NodeSplit.TEST)) {
            if (graph.nodesOf(split).length == 0) {
                throw new UsageException("the graph of --dataset " + dataset + " has no node"
                        + " in split '" + split.key() + "'; training needs nodes in each of"
                        + " train, val and test");
            }
        }
    }

    /**
     * Reads the graph that {@code dataset} names: a bundled one or {@code graph:DIR}.
     *
     * @throws UsageException naming the file, line and value when the graph is invalid
     */
    static GraphData read(String dataset) {
        try {
            if (dataset.startsWith(PREFIX)) {
                return PlanetoidDatasets.directory(Path.of(dataset.substring(PREFIX.length())));
            }
            return PlanetoidDatasets.bundled(dataset);
        } catch (GraphDataException | IllegalArgumentException e) {
            throw new UsageException("cannot read the graph of --dataset " + dataset + ": "
                    + e.getMessage(), e);
        }
    }

    private static DatasetSpec.Domain spec(String dataset, GnnTrainingSettings settings) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put(DATASET, dataset);
        options.put(EPOCHS, Integer.toString(settings.epochs()));
        options.put(LEARNING_RATE, Double.toString(settings.learningRate()));
        return new DatasetSpec.Domain(EVALUATOR, options, label(dataset), dataset,
                GnnSpace.NAME, false);
    }

    /** Returns a label for study names: the graph's name, or {@code graph-} and the folder. */
    private static String label(String dataset) {
        if (!dataset.startsWith(PREFIX)) {
            return dataset;
        }
        Path name = Path.of(dataset.substring(PREFIX.length())).getFileName();
        return "graph-" + (name == null ? "root" : name.toString());
    }

    @Override
    public DatasetSpec.Domain restore(Map<String, String> options) {
        String dataset = options.get(DATASET);
        if (dataset == null) {
            throw new IllegalArgumentException("gnn evaluator options lack '" + DATASET
                    + "': " + options);
        }
        GnnTrainingSettings settings = settings(options);
        return spec(dataset, settings);
    }

    private static GnnTrainingSettings settings(Map<String, String> options) {
        GnnTrainingSettings settings = GnnTrainingSettings.standard();
        try {
            if (options.containsKey(EPOCHS)) {
                settings = settings.withEpochs(Integer.parseInt(options.get(EPOCHS)));
            }
            if (options.containsKey(LEARNING_RATE)) {
                settings = settings.withLearningRate(
                        Double.parseDouble(options.get(LEARNING_RATE)));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid gnn evaluator options " + options
                    + ": " + e.getMessage(), e);
        }
        return settings;
    }

    @Override
    public EvaluatorFactory.Setup create(DatasetSpec.Domain spec, SearchSpace space) {
        String searched = space.unrestricted().name();
        String dataset = spec.displayName();
        if (!searched.equals(GnnSpace.NAME)) {
            throw new UsageException("--space " + searched + " does not fit --dataset "
                    + dataset + ", which trains graph neural networks; use --space "
                    + GnnSpace.NAME + " or drop --space"
                    + (searched.equals("nasbench-graph") ? ", or add --benchmark"
                            + " nasbench-graph to look results up" : ""));
        }
        EvaluatorFactory.requireEngineCache();
        GraphData data = read(dataset);
        GnnTrainingSettings settings;
        try {
            settings = settings(spec.evaluatorOptions());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        return new EvaluatorFactory.Setup(new GnnEvaluator(data, settings),
                Optional.of(data.source()));
    }

    /** Lists the graph's files: those of a {@code graph:DIR} directory or the shipped ones. */
    @Override
    public List<DataInput> dataInputs(DatasetSpec.Domain spec) {
        String dataset = spec.displayName();
        if (dataset.startsWith(PREFIX)) {
            Path directory = Path.of(dataset.substring(PREFIX.length()));
            return List.of(DataInput.file(directory.resolve(PlanetoidReader.NODES_FILE)),
                    DataInput.file(directory.resolve(PlanetoidReader.EDGES_FILE)));
        }
        try {
            return PlanetoidDatasets.bundledInputs(dataset);
        } catch (IllegalArgumentException e) {
            throw new UsageException("cannot read the graph of --dataset " + dataset + ": "
                    + e.getMessage(), e);
        }
    }

    /** Returns {@code accuracy:max}. */
    @Override
    public List<Objective> defaultObjectives(DatasetSpec.Domain spec) {
        return List.of(Objective.maximize(GnnEvaluator.ACCURACY));
    }
}
