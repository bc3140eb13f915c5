package io.archforge.app.cli;

import io.archforge.app.output.Json;
import io.archforge.app.output.StudyReport;
import io.archforge.app.setup.DatasetSpec;
import io.archforge.app.setup.EvaluatorFactory;
import io.archforge.app.setup.StorageLocation;
import io.archforge.space.SearchSpaces;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.JdbcStorage;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import io.archforge.torch.data.DataSplit;
import io.archforge.torch.data.TrainTestData;
import io.archforge.torch.train.DjlRuntime;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code archforge search} with a weight-sharing strategy: {@code darts}, {@code
 * beta-darts} and {@code gdas} (differentiable search, NB201 space) or {@code spos}
 * (a single-path one-shot supernet, trained once and then searched with a black-box
 * strategy). It checks every option before any training, trains on the image data
 * set, and stores the result as a study, so {@code study best} and {@code study show}
 * read it like any other. Running the same command again prints the stored result.
 */
final class WeightSharingSearch {

    /** The strategies this search runs, in the order help lists them. */
    static final List<String> NAMES = List.of("darts", "beta-darts", "gdas", "spos");

    /** The strategies this search runs. */
    static final Set<String> STRATEGIES = Set.of("darts", "beta-darts", "gdas", "spos");

    /** The evaluator name stored with weight-sharing studies. */
    static final String EVALUATOR = "weight-sharing";

    /** The differentiable strategies. */
    static final Set<String> DIFFERENTIABLE = Set.of("darts", "beta-darts", "gdas");

    private static final Logger LOG = LoggerFactory.getLogger(WeightSharingSearch.class);

    private final SearchOptions options;
    private final boolean json;
    private final PrintWriter out;

    WeightSharingSearch(SearchOptions options, boolean json, PrintWriter out) {
        this.options = options;
        this.json = json;
        this.out = out;
    }

    /** Returns whether the options request a weight-sharing strategy. */
    static boolean handles(SearchOptions options) {
        return options.strategy != null && STRATEGIES.contains(options.strategy);
    }

    /**
     * Checks the options, runs the search or reads its stored result, prints the result
     * and returns the exit status.
     */
    int run() {
        String strategy = options.strategy;
        String space = options.space != null ? options.space : "nb201";
        rejectForeignOptions(strategy, space);
        DatasetSpec.Training dataset = trainingData();
        Map<String, String> strategyOptions = StrategyOptionParser.parse(options.strategyOptions);
        WeightSharingRun planned = plan(strategy, space, dataset, strategyOptions);

        StorageLocation location = StorageLocation.parse(options.storage);
        location.requireUsable();
        location.requireWritable();
        EvaluatorFactory.requireEngineCache();
        String name = options.study != null ? options.study.strip()
                : dataset.label() + "-" + space + "-" + strategy + "-s" + seed();
        if (name.isEmpty()) {
            throw new UsageException("invalid --study '': give a study name, or leave --study"
                    + " out for " + dataset.label() + "-" + space + "-" + strategy + "-s" + seed());
        }
        StudyConfig requested = new StudyConfig(name, space, EVALUATOR,
                planned.evaluatorOptions(dataset), strategy, withoutThreads(strategyOptions),
                List.of(Objective.maximize(WeightSharingRun.SUPERNET_ACCURACY)), seed());
        if (location.exists()) {
            try (JdbcStorage storage = location.open()) {
                Optional<StudyConfig> stored = storage.loadStudy(name);
                stored.ifPresent(config -> requireSameStudy(config, requested));
                if (stored.isPresent() && finished(storage, name, planned.trials())) {
                    LOG.info("Study '{}' has already finished, so printing its stored result",
                            name);
                    print(new StudyReport(stored.get(), storage.trials(name),
                            location.toString(), Optional.empty()), Map.of());
                    return ExitCodes.OK;
                }
            }
        }
        TrainTestData data = EvaluatorFactory.readData(dataset);
        threads(strategyOptions);
        DataSplit split = carve(data, planned);
        planned.prepare(data, split);
        try (JdbcStorage storage = location.open()) {
            StudyConfig config = requested;
            WeightSharingRun.Outcome outcome = planned.execute(storage, config, data, split,
                    seed());
            print(new StudyReport(config, storage.trials(name), location.toString(),
                    Optional.of(data.source())), outcome.details());
            return ExitCodes.OK;
        }
    }

    private WeightSharingRun plan(String strategy, String space, DatasetSpec.Training dataset,
            Map<String, String> strategyOptions) {
        if (DIFFERENTIABLE.contains(strategy)) {
            if (!space.equals("nb201")) {
                throw new UsageException("--space " + space + " has no differentiable form for"
                        + " --strategy " + strategy + ", because its choices change widths and"
                        + " depths, which a weighted mixture of operations cannot express. Use"
                        + " --space nb201, or --strategy spos for the " + space + " space");
            }
            if (options.supernetSearch != null) {
                throw new UsageException("--supernet-search applies to --strategy spos only");
            }
            return new DartsRun(DartsOptions.settings(strategy, options.dartsOrder,
                    options.training, strategyOptions));
        }
        if (options.dartsOrder != null) {
            throw new UsageException("--darts-order applies to darts and beta-darts only");
        }
        if (!SearchSpaces.names().contains(space) || !(space.equals("nb201")
                || space.equals("macro"))) {
            throw new UsageException("unknown --space '" + space + "' for --strategy spos:"
                    + " use nb201 or macro");
        }
        return SposRun.plan(space, options, strategyOptions);
    }

    private DatasetSpec.Training trainingData() {
        if (options.benchmark != null) {
            throw new UsageException("--benchmark " + options.benchmark + " conflicts with"
                    + " --strategy " + options.strategy + ": weight sharing trains networks on"
                    + " images, and a table holds no weights. Drop --benchmark and use"
                    + " --dataset fashion-mnist or --dataset idx:DIR");
        }
        DatasetSpec spec = DatasetSpec.parse(null, options.dataset, options.data,
                options.device);
        if (!(spec instanceof DatasetSpec.Training training)) {
            throw new UsageException("--strategy " + options.strategy + " trains on image data:"
                    + " use --dataset fashion-mnist or --dataset idx:DIR");
        }
        return training;
    }

    private void rejectForeignOptions(String strategy, String space) {
        Map<String, Object> foreign = new LinkedHashMap<>();
        foreign.put("--scheduler", options.scheduler);
        foreign.put("--proxy", options.proxy);
        foreign.put("--prune-risk", options.pruneRisk);
        foreign.put("--constraint", options.constraints);
        foreign.put("--objective", options.objectives);
        foreign.put("--protocol", options.protocol);
        foreign.put("--time-limit", options.timeLimit);
        foreign.put(TrialTimeouts.OPTION, options.trialTimeout);
        foreign.put("--space-from", options.spaceFrom);
        foreign.put("--attack", options.attack);
        foreign.put("--epsilon", options.epsilon);
        foreign.put("--tune-recipe", options.tuneRecipe);
        foreign.put("--recipe-range", options.recipeRanges);
        foreign.forEach((option, value) -> {
            if (value != null) {
                throw new UsageException(option + " does not apply to --strategy " + strategy
                        + ", which optimises " + WeightSharingRun.SUPERNET_ACCURACY
                        + ", so drop " + option);
            }
        });
        if (!space.equals("nb201") && !space.equals("macro")) {
            throw new UsageException("unknown --space '" + space + "': use nb201 or macro");
        }
    }

    /**
     * Checks that a stored study was created with the options of this run.
     *
     * @throws UsageException naming the first setting that differs, both values and the fix
     */
    private static void requireSameStudy(StudyConfig stored, StudyConfig requested) {
        Map<String, String> before = settings(stored);
        Map<String, String> now = settings(requested);
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(now.keySet());
        for (String key : keys) {
            String was = before.get(key);
            String is = now.get(key);
            if (!Objects.equals(was, is)) {
                throw new UsageException("study '" + stored.name() + "' was created with " + key
                        + "=" + was + ", but this run gives " + key + "=" + is + "; give the"
                        + " stored options, or another --study (or --storage) for a new search");
            }
        }
    }

    /** Returns the settings that decide a weight-sharing study's result, by name. */
    private static Map<String, String> settings(StudyConfig config) {
        Map<String, String> settings = new TreeMap<>();
        settings.put("space", config.space());
        settings.put("strategy", config.strategy());
        settings.put("seed", Long.toString(config.seed()));
        config.evaluatorOptions().forEach(settings::put);
        withoutThreads(config.strategyOptions()).forEach((key, value) ->
                settings.put("strategy-option " + key, value));
        return settings;
    }

    /** Returns the strategy options without {@code threads}, which changes no result. */
    private static Map<String, String> withoutThreads(Map<String, String> options) {
        Map<String, String> kept = new LinkedHashMap<>(options);
        kept.remove("threads");
        return kept;
    }

    /** Returns whether the study contains at least {@code trials} complete trials. */
    private static boolean finished(Storage storage, String name, int trials) {
        int complete = 0;
        for (FrozenTrial trial : storage.trials(name)) {
            if (trial.state() == TrialState.COMPLETE) {
                complete++;
            }
        }
        return complete >= trials;
    }

    private void threads(Map<String, String> strategyOptions) {
        int threads = DartsOptions.integer(strategyOptions, "threads", 0);
        if (threads < 0 || threads > 256) {
            throw new UsageException("invalid --strategy-option threads=" + threads
                    + ": use 1 to 256, or leave it out for all cores");
        }
        if (threads > 0) {
            DjlRuntime.setThreads(threads);
        }
    }

    private static DataSplit carve(TrainTestData data, WeightSharingRun planned) {
        try {
            return DataSplit.carve(data.train(), planned.validationImages(),
                    planned.trainImages(), 0);
        } catch (IllegalArgumentException e) {
            throw new UsageException("failed to split the training data: " + e.getMessage());
        }
    }

    private long seed() {
        return options.seed != null ? options.seed : 0L;
    }

    private void print(StudyReport report, Map<String, Object> details) {
        if (json) {
            Map<String, Object> view = report.toJson();
            if (!details.isEmpty()) {
                view.put("search", details);
            }
            out.println(Json.write(view));
        } else {
            out.print(report.toText());
            Object summary = details.get("summary");
            if (summary != null) {
                out.println(summary);
            }
        }
        out.flush();
    }

    /** Formats a percentage for text output. */
    static String percent(double value) {
        return String.format(Locale.ROOT, "%.2f%%", value);
    }
}
