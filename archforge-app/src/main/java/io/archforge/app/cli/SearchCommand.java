package io.archforge.app.cli;

import io.archforge.app.config.StudyConfigFile;
import io.archforge.app.output.Json;
import io.archforge.app.output.StudyReport;
import io.archforge.app.execution.StudyRecipe;
import io.archforge.app.provenance.TrialProvenance;
import io.archforge.app.setup.EvaluatorFactory;
import io.archforge.app.setup.SearchPredictors;
import io.archforge.app.setup.SearchProxies;
import io.archforge.app.setup.SearchPruning;
import io.archforge.app.setup.StorageLocation;
import io.archforge.app.setup.StudySpaces;
import io.archforge.app.transfer.TransferSummary;
import io.archforge.app.transfer.WarmStarts;
import io.archforge.app.setup.StudyEvaluators;
import io.archforge.execution.TrialExecutor;
import io.archforge.refine.ConfinedStrategy;
import io.archforge.execution.TrialExecutors;
import io.archforge.space.SearchSpace;
import io.archforge.space.SearchSpaces;
import io.archforge.store.jdbc.JdbcStorage;
import io.archforge.eval.Evaluator;
import io.archforge.fidelity.FidelityRange;
import io.archforge.schedule.RungScheduler;
import io.archforge.schedule.Scheduler;
import io.archforge.schedule.Schedulers;
import io.archforge.strategy.Strategy;
import io.archforge.strategy.WarmStartedStrategy;
import io.archforge.study.Constraint;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Study;
import io.archforge.study.Study.StopReason;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code archforge search}: creates or resumes a study and runs it until its budget is spent. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {
            "Search a space for good architectures, storing every trial so that the same "
                + "command resumes the study.",
            "",
            "Tabular: --benchmark nb201 --dataset cifar10|cifar100|imagenet16-120 looks "
                + "architectures up (default 100 trials, objective test_accuracy:max).",
            "Real training: --dataset fashion-mnist [--data DIR] or --dataset idx:DIR trains "
                + "macro-space networks with DJL (defaults: evolution with population 6 and "
                + "sample size 3, objectives accuracy:max and latency_ms:min, 5m time limit; "
                + "each network trains 3 epochs on 5000 images, see --epochs and "
                + "--train-images).",
            ""},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:success, also when the time limit ends the search",
            "1:failure other than bad input",
            "2:bad input or usage",
            "130:interrupted by SIGINT after saving",
            "143:stopped by SIGTERM after saving"})
public final class SearchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SearchCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Mixin
    SearchOptions options;

    @Mixin
    ExecutionOptions execution;

    @Option(names = "--no-cache",
            description = "Evaluate every trial, also those the store's evaluation cache "
                    + "could serve (default: serve repeats of deterministic evaluations from "
                    + "the cache).")
    boolean noCache;

    @Override
    public Integer call() {
        StudyConfigFile.apply(spec, options.config);
        if (WeightSharingSearch.handles(options)) {
            return new WeightSharingSearch(options, output.json(),
                    spec.commandLine().getOut()).run();
        }
        // Every check that needs no store comes first, so that bad input writes nothing.
        StudyPlanner planner = StudyPlanner.validate(options);
        execution.validate();
        StorageLocation location = StorageLocation.parse(options.storage);
        location.requireUsable();
        if (!location.exists()) {
            planner.requireDatasetForNewStore(location.toString());
        }
        Optional<StudyConfig> requested = planner.requestedConfig();
        try (EvaluatorFactory.Setup early = requested.map(SearchCommand::setup).orElse(null)) {
            if (early != null) {
                scheduler(requested.get(), early.evaluator());
            }
            location.requireWritable();
            try (InterruptGuard guard = new InterruptGuard();
                    JdbcStorage storage = location.open()) {
                StudyPlan plan = planner.plan(storage);
                StudyConfig config = plan.config();
                if (early != null && sameEvaluation(requested.get(), config)) {
                    return search(storage, guard, plan, early, location);
                }
                try (EvaluatorFactory.Setup setup = setup(config)) {
                    return search(storage, guard, plan, setup, location);
                }
            }
        }
    }

    /** Creates the evaluator of {@code config}, which also checks its objectives. */
    private static EvaluatorFactory.Setup setup(StudyConfig config) {
        // An objective on the proxy metric is met by the proxy, added after the cache.
        space(config);
        return StudyEvaluators.setup(config);
    }

    /**
     * Checks that the evaluator reports every metric a constraint reads.
     *
     * @throws UsageException naming the constraint and the metrics there are
     */
    private static void requireConstraintMetrics(StudyConfig config, Evaluator evaluator) {
        for (Constraint constraint : config.constraints()) {
            if (!evaluator.metrics().contains(constraint.key())) {
                throw new UsageException("--constraint " + constraint + " reads metric '"
                        + constraint.key() + "', which this evaluator does not report; use one"
                        + " of " + new TreeSet<>(evaluator.metrics())
                        + (constraint.device().isPresent() ? ", or a NAS-Bench-201 device name"
                                + " after @ with --benchmark nb201" : ""));
            }
        }
    }

    /** Returns whether an evaluator built for {@code requested} also serves {@code actual}. */
    private static boolean sameEvaluation(StudyConfig requested, StudyConfig actual) {
        return requested.evaluator().equals(actual.evaluator())
                && requested.evaluatorOptions().equals(actual.evaluatorOptions())
                && requested.space().equals(actual.space())
                && requested.objectives().equals(actual.objectives());
    }

    private int search(JdbcStorage storage, InterruptGuard guard, StudyPlan plan,
            EvaluatorFactory.Setup setup, StorageLocation location) {
        StudyConfig config = plan.config();
        requireConstraintMetrics(config, setup.evaluator());
        Optional<Scheduler> scheduler = scheduler(config, setup.evaluator());
        if (scheduler.isPresent() && !execution.inProcess()) {
            throw new UsageException("--scheduler " + config.scheduler().orElse("")
                    + " runs trials in this process only; drop --executor, --parallel and "
                    + "--executor-option, or run without a scheduler");
        }
        Map<String, String> stored = storage.loadStudy(config.name()).isPresent()
                ? storage.studyAttributes(config.name()) : Map.of();
        Strategy strategy = strategy(config);
        Optional<WarmStarts> warm = WarmStarts.resolve(storage, config, space(config), stored,
                Optional.ofNullable(options.warmStartFrom).orElse(List.of()));
        if (warm.isPresent()) {
            strategy = warmStarted(strategy, warm.get(), config);
        }
        SearchSpace searched = searchedSpace(config, plan.attributesOver(stored));
        Study study = Study.open(storage, config, searched,
                ConfinedStrategy.confine(strategy, searched));
        study.addTrialAttributes(TrialProvenance.of(config).attributes());
        plan.attributes().forEach((key, value) ->
                storage.setStudyAttribute(config.name(), key, value));
        warm.ifPresent(w -> w.storeSources(storage, config.name()));
        ExecutionOptions.Heartbeats heartbeats = execution.heartbeats();
        study.useHeartbeats(heartbeats.interval(), heartbeats.staleAfter());
        StudyBudgets.store(storage, config.name(), plan, options);
        TrialTimeouts.apply(storage, study, options.trialTimeout);
        SearchPruning.pruner(config, study.space()).ifPresent(study::usePruner);
        guard.watch(study);
        SearchCache cache = SearchCache.choose(setup.evaluator(), config, storage, noCache);
        try {
            return run(study, setup, cache, plan, location, scheduler,
                    () -> warm.map(WarmStarts::summary));
        } finally {
            warm.ifPresent(w -> w.storeSimilarities(storage, config.name()));
        }
    }

    private static Strategy warmStarted(Strategy strategy, WarmStarts warm,
            StudyConfig config) {
        WarmStartedStrategy wrapped = new WarmStartedStrategy(strategy, warm.transfer());
        if (!wrapped.used()) {
            LOG.warn("Strategy {} does not learn from other studies; the transferred trials "
                    + "are stored but change nothing", strategy.name());
        } else if (config.isMultiObjective() || !config.constraints().isEmpty()) {
            LOG.warn("The warm start applies to one objective without constraints; this "
                    + "study has objectives {} and constraints {}, so the transferred trials "
                    + "are stored but change nothing", config.objectives(),
                    config.constraints());
        }
        return wrapped;
    }

    private static SearchSpace space(StudyConfig config) {
        return searchedSpace(config, Map.of());
    }

    private static SearchSpace searchedSpace(StudyConfig config, Map<String, String> attributes) {
        try {
            return StudySpaces.searched(config, attributes);
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown space '" + config.space() + "' in study '"
                    + config.name() + "': use one of " + String.join(", ", SearchSpaces.names()));
        }
    }

    private static Strategy strategy(StudyConfig config) {
        try {
            return SearchProxies.apply(SearchPredictors.create(config.strategy(),
                    SearchProxies.strategyOnly(SearchPruning.strategyOnly(
                            config.strategyOptions()))), config);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid strategy settings of study '" + config.name() + "': "
                    + e.getMessage());
        }
    }

    private int run(Study study, EvaluatorFactory.Setup setup, SearchCache cache,
            StudyPlan plan, StorageLocation location, Optional<Scheduler> scheduler,
            Supplier<Optional<TransferSummary>> transfer) {
        LOG.info("{} study '{}' in {}: space {}, strategy {} {}, objectives {}, budget {}",
                plan.resumed() ? "Resuming" : "Starting", study.config().name(), location,
                study.config().space(), study.config().strategy(), study.config().strategyOptions(),
                study.objectives(), describe(plan));
        setup.dataSource().ifPresent(source -> LOG.info("Training data: {}", source));
        boolean interactive = System.console() != null;
        StopReason reason;
        try (ProgressReporter progress =
                ProgressReporter.start(study, plan.budget().totalTrials(), interactive)) {
            if (execution.inProcess()) {
                reason = study.optimize(SearchProxies.withMetric(cache.evaluator(), study.config()),
                        plan.budget(), progress, scheduler);
            } else {
                reason = optimizeWithExecutor(study, plan, progress);
            }
        }
        LOG.info("Search stopped: {}", reasonText(reason));
        if (execution.inProcess()) {
            cache.logSummary();
        }
        List<FrozenTrial> trials = study.trials();
        print(new StudyReport(study.config(), trials, location.toString(),
                setup.dataSource()), reason, transfer.get());
        if (reason == StopReason.INTERRUPTED) {
            return ExitCodes.INTERRUPTED;
        }
        return everyTrialFailed(study.config().name(), trials) ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /**
     * Returns whether the study has finished trials and all of them FAILED, which is an
     * error rather than an empty result, and then prints the first reason on stderr.
     */
    private boolean everyTrialFailed(String study, List<FrozenTrial> trials) {
        List<FrozenTrial> finished = trials.stream().filter(t -> t.state().isFinished()).toList();
        if (finished.isEmpty() || finished.stream().anyMatch(t -> t.state() != TrialState.FAILED)) {
            return false;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("archforge: Every trial of study '" + study + "' failed (" + finished.size()
                + " in all). The first failed with: "
                + finished.get(0).error().orElse("no reason stored")
                + ". See each reason with: archforge study show " + study);
        err.flush();
        return true;
    }

    /** Runs the study with trials in flight on the chosen executor. */
    private StopReason optimizeWithExecutor(Study study, StudyPlan plan,
            ProgressReporter progress) {
        try (TrialExecutor executor = TrialExecutors.create(execution.executorName(),
                new StudyRecipe(study.config(), study.trialTimeout()), execution.settings())) {
            study.learnInTrialOrder(!execution.learnOnArrival);
            return study.optimize(executor, plan.budget(), progress);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The study's scheduler, checked against the evaluator before any trial runs.
     *
     * @throws UsageException when the evaluator cannot run at the scheduler's fidelities
     */
    private static Optional<Scheduler> scheduler(StudyConfig config, Evaluator evaluator) {
        if (config.scheduler().isEmpty()) {
            return Optional.empty();
        }
        String name = config.scheduler().get();
        try {
            Scheduler scheduler = Schedulers.create(name, config.schedulerOptions());
            if (scheduler instanceof RungScheduler rungs) {
                FidelityRange range = Schedulers.range(rungs, evaluator);
                LOG.debug("Scheduler {}: rungs {}", name, Schedulers.rungs(rungs, range));
            }
            return Optional.of(scheduler);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid scheduler settings of study '" + config.name() + "': "
                    + e.getMessage());
        }
    }

    private static String describe(StudyPlan plan) {
        String trials = plan.budget().totalTrials().isPresent()
                ? plan.budget().totalTrials().getAsInt() + " trials in all"
                : "no trial limit";
        String time = plan.budget().timeLimit().map(Durations::format).map(t -> t + " time limit")
                .orElse("no time limit");
        String cost = plan.budget().costLimit().isPresent()
                ? ", " + plan.budget().costLimit().getAsDouble() + " training epochs" : "";
        return trials + ", " + time + cost;
    }

    private static String reasonText(StopReason reason) {
        return reason.name().toLowerCase(Locale.ROOT);
    }

    private void print(StudyReport report, StopReason reason,
            Optional<TransferSummary> transfer) {
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            Map<String, Object> json = report.toJson();
            transfer.ifPresent(t -> json.put("transfer", t.toJson()));
            json.put("stop_reason", reasonText(reason));
            out.println(Json.write(json));
        } else {
            out.print(report.toText());
            transfer.ifPresent(t -> out.print(t.toText()));
            out.println("Stopped by: " + reasonText(reason).replace('_', ' '));
        }
        out.flush();
    }
}
