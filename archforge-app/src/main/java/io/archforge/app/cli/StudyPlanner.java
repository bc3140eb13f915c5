package io.archforge.app.cli;

import io.archforge.app.refine.SpaceSources;
import io.archforge.app.domain.Domains;
import io.archforge.app.setup.DatasetSpec;
import io.archforge.app.setup.StudyEvaluators;
import io.archforge.app.setup.PredictorCatalog;
import io.archforge.app.setup.SearchPredictors;
import io.archforge.app.setup.SearchProxies;
import io.archforge.app.setup.SearchPruning;
import io.archforge.app.setup.StudyAttack;
import io.archforge.benchmarks.nb201.Nb201Evaluator;
import io.archforge.benchmarks.nb201.Nb201Protocol;
import io.archforge.space.SearchSpaces;
import io.archforge.storage.Storage;
import io.archforge.schedule.Scheduler;
import io.archforge.schedule.Schedulers;
import io.archforge.strategy.EvolutionOptions;
import io.archforge.strategy.Nsga2;
import io.archforge.strategy.Nsga2Options;
import io.archforge.strategy.RegularizedEvolution;
import io.archforge.strategy.Strategies;
import io.archforge.study.Budget;
import io.archforge.study.Constraint;
import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Turns the options of {@code archforge search} into a {@link StudyPlan}. It checks
 * every option on its own before the store is opened ({@link #validate}), then
 * resolves the study against the store ({@link #plan}): a new study takes the
 * options and their defaults, an existing one its stored configuration, and an
 * explicit option that disagrees with the stored study is an error.
 */
final class StudyPlanner {

    /** Real-training evolution defaults: ten to fifteen trials fit in the default five minutes. */
    static final int TRAINING_POPULATION = 6;
    static final int TRAINING_SAMPLE_SIZE = 3;
    static final int TABULAR_TRIALS = 100;
    static final Duration TRAINING_TIME_LIMIT = Duration.ofMinutes(5);
    static final String DEFAULT_STRATEGY = "evolution";

    /** Metrics that protocol valid12 keeps out of the search. */
    private static final Set<String> TEST_METRICS =
            Set.of(Nb201Evaluator.TEST_ACCURACY, Nb201Evaluator.TEST_ACCURACY_12EP);

    private final SearchOptions options;
    private final Optional<DatasetSpec> dataset;
    private final Optional<List<Objective>> objectives;
    private final Optional<Duration> timeLimit;
    private final Map<String, String> strategyOptions;
    private final Map<String, String> schedulerOptions;
    private final List<Constraint> constraints;

    private StudyPlanner(SearchOptions options, Optional<DatasetSpec> dataset,
            Optional<List<Objective>> objectives, Optional<Duration> timeLimit,
            Map<String, String> strategyOptions, Map<String, String> schedulerOptions) {
        this.constraints = ConstraintOptions.parse(options.constraints);
        this.options = options;
        this.dataset = dataset;
        this.objectives = objectives;
        this.timeLimit = timeLimit;
        this.strategyOptions = strategyOptions;
        this.schedulerOptions = schedulerOptions;
    }

    /**
     * Checks each option on its own.
     *
     * @throws UsageException naming the first bad value and its fix
     */
    static StudyPlanner validate(SearchOptions options) {
        if (options.dartsOrder != null || options.supernetSearch != null) {
            throw new UsageException((options.dartsOrder != null ? "--darts-order"
                    : "--supernet-search") + " applies to the weight-sharing strategies only: use"
                    + " --strategy darts, beta-darts or gdas with --darts-order, spos with"
                    + " --supernet-search");
        }
        if (options.trials != null && options.trials < 0) {
            throw new UsageException("invalid --trials " + options.trials
                    + ": the total number of finished trials must be 0 or more");
        }
        Optional<Duration> limit = Optional.ofNullable(options.timeLimit).map(Durations::parse);
        TrialTimeouts.parse(options.trialTimeout);
        requirePositive("--population", options.population);
        requirePositive("--sample-size", options.sampleSize);
        List<String> strategies = new ArrayList<>(Strategies.names());
        strategies.addAll(WeightSharingSearch.NAMES);
        requireKnown("--strategy", options.strategy, strategies);
        Map<String, String> strategyOptions =
                StrategyOptionParser.parse(options.strategyOptions);
        requireKnown("--space", options.space, SearchSpaces.names());
        Map<String, String> schedulerOptions = schedulerOptions(options);
        SearchPruning.check(options.pruneRisk, options.prunePredictor, options.pruneMinTrials);
        if (options.budgetEpochs != null && !(options.budgetEpochs > 0)) {
            throw new UsageException("invalid --budget-epochs " + options.budgetEpochs
                    + ": the training epochs the study may spend must be more than 0");
        }
        if (options.study != null && options.study.isBlank()) {
            throw new UsageException("--study is empty: give a study name, or omit --study "
                    + "to derive one");
        }
        Optional<DatasetSpec> spec = options.dataset == null
                ? Optional.empty()
                : Optional.of(options.training.applyTo(DatasetSpec.parse(options.benchmark,
                        options.dataset, options.data, options.device, options.protocol,
                        options.domain.given(), options.training.given()),
                        RecipeTuning.baseSettings(options)));
        if (options.trialDelay != null) {
            Durations.parse(options.trialDelay, "--trial-delay");
            if (spec.isPresent() && !isTabular(spec.get())) {
                throw new UsageException("--trial-delay applies to the tabular benchmark only "
                        + "(--benchmark nb201); real training takes its own time: drop it");
            }
        }
        Optional<List<Objective>> parsed = Optional.ofNullable(options.objectives)
                .map(StudyPlanner::parseObjectives);
        StudyPlanner planner =
                new StudyPlanner(options, spec, parsed, limit, strategyOptions, schedulerOptions);
        // Resuming without --dataset compares --attack and --epsilon with the stored study.
        // An existing --study keeps its stored attack, so robust_accuracy without --attack
        // is checked once the store shows whether the study exists.
        if (!planner.attackFromStore()) {
            spec.ifPresent(planner::checkAttack);
        }
        RecipeTuning.validate(options, spec);
        spec.ifPresent(given -> planner.newConfig(given, planner.studyName()));
        return planner;
    }

    /**
     * Returns whether the attack that a robust_accuracy objective or constraint needs can
     * only come from the study stored under {@code --study}, because {@code --attack} is
     * not given.
     */
    private boolean attackFromStore() {
        return options.study != null && options.attack == null
                && StudyAttack.readsRobustAccuracy(objectives.orElse(List.of()), constraints);
    }

    private void checkAttack(DatasetSpec spec) {
        StudyAttack.check(StudyAttack.parse(options.attack, options.epsilon), spec,
                objectives.orElse(List.of()), constraints);
    }

    /**
     * Returns the configuration a new study would get from the options, or empty without
     * {@code --dataset} or while a robust_accuracy objective without {@code --attack}
     * waits for the stored attack of {@code --study}. An existing study with the same name
     * keeps its stored configuration.
     *
     * @throws UsageException when the options do not make a valid configuration
     */
    Optional<StudyConfig> requestedConfig() {
        if (attackFromStore()) {
            return Optional.empty();
        }
        return dataset.map(spec -> newConfig(spec, studyName()));
    }

    /**
     * Checks the options against a store that does not exist yet: resuming needs the
     * study in the store, so without {@code --dataset} there is nothing to run, and a
     * robust_accuracy objective or constraint needs {@code --attack}.
     *
     * @throws UsageException naming the study and the store, or the missing attack
     */
    void requireDatasetForNewStore(String location) {
        if (dataset.isEmpty()) {
            throw new UsageException("study '" + studyName() + "' not found in " + location
                    + "; give --dataset to create it");
        }
        checkAttack(dataset.get());
    }

    /**
     * Reads and checks {@code --scheduler} and {@code --scheduler-option}.
     *
     * @throws UsageException naming the scheduler, the option and the allowed values
     */
    private static Map<String, String> schedulerOptions(SearchOptions options) {
        requireKnown("--scheduler", options.scheduler, Schedulers.names());
        Map<String, String> parsed = StrategyOptionParser.parse(options.schedulerOptions,
                "--scheduler-option", "eta=3");
        if (options.scheduler == null) {
            if (!parsed.isEmpty()) {
                throw new UsageException("--scheduler-option " + parsed
                        + " needs --scheduler; name one of " + String.join(", ", Schedulers.names()));
            }
            return parsed;
        }
        try {
            Scheduler scheduler = Schedulers.create(options.scheduler, parsed);
            Optional<String> required = Schedulers.strategyFor(scheduler);
            if (required.isPresent() && options.strategy != null
                    && !options.strategy.equals(required.get())) {
                throw new UsageException("--scheduler " + options.scheduler + " proposes with "
                        + required.get() + ", not --strategy " + options.strategy
                        + "; drop --strategy, or use --scheduler hyperband with --strategy "
                        + options.strategy);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid --scheduler-option for --scheduler "
                    + options.scheduler + " " + parsed + ": " + e.getMessage());
        }
        return parsed;
    }

    /** The strategy of a new study: --strategy, the scheduler's own, or the default. */
    private String chosenStrategy() {
        if (options.strategy != null) {
            return options.strategy;
        }
        if (options.scheduler != null) {
            return Schedulers.strategyFor(Schedulers.create(options.scheduler, schedulerOptions))
                    .orElse(DEFAULT_STRATEGY);
        }
        return DEFAULT_STRATEGY;
    }

    private static void requirePositive(String option, Integer value) {
        if (value != null && value < 1) {
            throw new UsageException("invalid " + option + " " + value + ": it must be 1 or more");
        }
    }

    private static void requireKnown(String option, String value, List<String> names) {
        if (value != null && !names.contains(value)) {
            throw new UsageException("unknown " + option + " '" + value + "': use one of "
                    + String.join(", ", names));
        }
    }

    private static List<Objective> parseObjectives(List<String> texts) {
        List<Objective> parsed = new ArrayList<>();
        for (String text : texts) {
            try {
                parsed.add(Objective.parse(text));
            } catch (IllegalArgumentException e) {
                throw new UsageException("invalid --objective '" + text
                        + "': expected NAME:max or NAME:min, such as accuracy:max");
            }
        }
        for (int i = 0; i < parsed.size(); i++) {
            for (int j = i + 1; j < parsed.size(); j++) {
                Objective first = parsed.get(i);
                Objective second = parsed.get(j);
                if (!first.metric().equals(second.metric())) {
                    continue;
                }
                if (first.direction() != second.direction()) {
                    throw new UsageException("contradictory --objective " + first + " and "
                            + second + ": a metric is either maximised or minimised; keep one "
                            + "of them");
                }
                throw new UsageException("--objective names a metric twice in " + texts
                        + "; give each metric once");
            }
        }
        return parsed;
    }

    /**
     * Returns the study name: given with {@code --study}, or derived from the dataset and
     * options.
     */
    String studyName() {
        if (options.study != null) {
            String name = options.study.strip();
            if (name.isEmpty() || name.length() > StudyConfig.MAX_NAME_LENGTH
                    || name.chars().anyMatch(Character::isISOControl)) {
                throw new UsageException("invalid --study '" + name.replaceAll("\\p{Cntrl}", "?")
                        + "': use 1 to " + StudyConfig.MAX_NAME_LENGTH
                        + " characters and no control characters");
            }
            return name;
        }
        DatasetSpec spec = dataset.orElseThrow(() -> new UsageException(
                "missing --dataset: give --dataset to start a search, or --study NAME to "
                + "resume one"));
        String space = RecipeTuning.space(options, spec);
        String strategy = chosenStrategy();
        String scheduler = options.scheduler != null ? "-" + options.scheduler : "";
        long seed = options.seed != null ? options.seed : 0L;
        return spec.label() + "-" + space + "-" + strategy + scheduler + "-s" + seed;
    }

    /**
     * Resolves the study against the store: the stored configuration when the study
     * exists, else a new one from the options.
     *
     * @throws UsageException when a given option conflicts with the stored study, the
     *     study does not exist and no {@code --dataset} was given, or {@code --space-from}
     *     names no refinement of the study's space
     */
    StudyPlan plan(Storage storage) {
        String name = studyName();
        Optional<StudyConfig> stored = storage.loadStudy(name);
        StudyConfig config;
        if (stored.isPresent()) {
            config = stored.get();
            requireSameTrialDelay(config);
            RecipeTuning.checkStored(config, options);
            new ConfigConflicts(config, options, dataset, objectives, strategyOptions,
                    schedulerOptions).check();
            DatasetSpec storedSpec = dataset.orElseGet(() -> DatasetSpec.of(config));
            if (options.constraints != null
                    && !ConstraintOptions.forSpec(constraints, storedSpec)
                            .equals(config.constraints())) {
                throw new UsageException("study '" + name + "' was created with constraints "
                        + config.constraints() + ", not --constraint " + options.constraints
                        + "; repeat the original constraints or choose a new --study name");
            }
        } else {
            DatasetSpec spec = dataset.orElseThrow(() -> new UsageException("study '" + name
                    + "' not found in " + storage.location() + "; give --dataset to create it"));
            checkAttack(spec);
            config = newConfig(spec, name);
        }
        Map<String, String> attributes = options.spaceFrom == null ? Map.of()
                : SpaceSources.copy(storage, options.spaceFrom, config, stored.isPresent());
        StudyBudgets.Stored storedBudget = stored.isPresent()
                ? StudyBudgets.load(storage.studyAttributes(name))
                : new StudyBudgets.Stored(OptionalInt.empty(), OptionalDouble.empty());
        return new StudyPlan(config, budget(config, storedBudget), stored.isPresent(),
                attributes);
    }

    private void requireSameTrialDelay(StudyConfig stored) {
        if (options.trialDelay == null) {
            return;
        }
        Duration requested = Durations.parse(options.trialDelay, "--trial-delay");
        Optional<Duration> storedDelay = StudyEvaluators.trialDelay(stored);
        if (!storedDelay.equals(Optional.of(requested))) {
            throw new UsageException("study '" + stored.name() + "' was created with "
                    + storedDelay.map(d -> "--trial-delay " + Durations.format(d))
                            .orElse("no --trial-delay")
                    + ", not --trial-delay " + options.trialDelay + "; repeat the original or "
                    + "choose a new --study name");
        }
    }

    private StudyConfig newConfig(DatasetSpec requested, String name) {
        List<Constraint> resolved = ConstraintOptions.forSpec(constraints, requested);
        DatasetSpec spec = ConstraintOptions.withDevices(requested, resolved);
        String space = RecipeTuning.space(options, spec);
        String strategy = chosenStrategy();
        boolean training = !isTabular(spec);
        List<Objective> chosen = objectives.orElseGet(() -> defaultObjectives(spec));
        requireProtocolObjectives(spec, chosen);
        Map<String, String> strategyOptions = SearchPruning.withPruning(SearchProxies.withProxy(
                strategyOptions(strategy, training), strategy, options.proxy, options.proxyUse,
                options.proxyPool, spec, space), options.pruneRisk, options.prunePredictor,
                options.pruneMinTrials);
        SearchPredictors.requireCompatible(strategyOptions);
        long seed = options.seed != null ? options.seed : 0L;
        Map<String, String> evaluatorOptions = new LinkedHashMap<>(spec.evaluatorOptions());
        evaluatorOptions.putAll(RecipeTuning.evaluatorOptions(options));
        evaluatorOptions.putAll(StudyAttack.toOptions(
                StudyAttack.parse(options.attack, options.epsilon)));
        if (options.trialDelay != null) {
            evaluatorOptions.put(StudyEvaluators.TRIAL_DELAY, Long.toString(
                    Durations.parse(options.trialDelay, "--trial-delay").toMillis()));
        }
        return new StudyConfig(name, space, spec.evaluator(), evaluatorOptions, strategy,
                strategyOptions, chosen, seed)
                .withScheduler(Optional.ofNullable(options.scheduler), schedulerOptions)
                .withConstraints(resolved);
    }

    /**
     * Returns whether {@code config} trains or runs a program for each trial, as real
     * training of images and the training domains do, instead of looking results up.
     */
    private static boolean trains(StudyConfig config) {
        if (config.evaluator().equals(DatasetSpec.TRAIN)) {
            return true;
        }
        return Domains.byEvaluator(config.evaluator())
                .map(domain -> !domain.restore(config.evaluatorOptions()).tabular())
                .orElse(false);
    }

    /** Returns whether {@code spec} looks results up in a table instead of training. */
    static boolean isTabular(DatasetSpec spec) {
        return spec instanceof DatasetSpec.Tabular
                || spec instanceof DatasetSpec.Domain domain && domain.tabular();
    }

    /** Returns the objectives of a new study of {@code spec} that names none. */
    private static List<Objective> defaultObjectives(DatasetSpec spec) {
        if (spec instanceof DatasetSpec.Domain domain) {
            return Domains.of(domain).defaultObjectives(domain);
        }
        return spec instanceof DatasetSpec.Training
                ? List.of(Objective.maximize("accuracy"), Objective.minimize("latency_ms"))
                : List.of(Objective.maximize(protocol(spec).signal()));
    }

    private static Nb201Protocol protocol(DatasetSpec spec) {
        return spec instanceof DatasetSpec.Tabular tabular ? tabular.protocol()
                : Nb201Protocol.TEST;
    }

    /**
     * Under protocol {@code valid12} the search must not see test accuracy, so an
     * objective on a test metric is refused.
     */
    private static void requireProtocolObjectives(DatasetSpec spec, List<Objective> chosen) {
        if (protocol(spec) != Nb201Protocol.VALID12) {
            return;
        }
        for (Objective objective : chosen) {
            if (TEST_METRICS.contains(objective.metric())) {
                throw new UsageException("--objective " + objective + " reads test accuracy, "
                        + "which --protocol valid12 keeps out of the search; use "
                        + Nb201Protocol.VALID12.signal() + ":max, or --protocol test");
            }
        }
    }

    /**
     * The strategy options of a new study: {@code --strategy-option} values, with
     * {@code --population} and {@code --sample-size} for evolution, checked by creating
     * the strategy.
     */
    private Map<String, String> strategyOptions(String strategy, boolean training) {
        Map<String, String> given = new LinkedHashMap<>(strategyOptions);
        boolean evolution = strategy.equals(DEFAULT_STRATEGY)
                || strategy.equals(RegularizedEvolution.MULTI_OBJECTIVE_NAME);
        if (strategy.equals(Nsga2.NAME)) {
            if (options.sampleSize != null) {
                throw new UsageException("--sample-size applies to --strategy evolution and "
                        + "mo-evolution, not nsga2, whose tournaments are binary; drop it");
            }
            putShorthand(given, Nsga2Options.POPULATION, "--population", options.population);
        }
        if (!evolution) {
            if (options.population != null && !strategy.equals(Nsga2.NAME)
                    || options.sampleSize != null) {
                throw new UsageException("--population and --sample-size apply only to "
                        + "--strategy evolution, mo-evolution and nsga2 (population), not "
                        + strategy + "; drop them");
            }
            try {
                Strategies.create(strategy, given, PredictorCatalog.names());
            } catch (IllegalArgumentException e) {
                throw new UsageException("invalid --strategy-option for --strategy " + strategy
                        + " " + given + ": " + e.getMessage());
            }
            return Collections.unmodifiableMap(given);
        }
        putShorthand(given, EvolutionOptions.POPULATION, "--population", options.population);
        putShorthand(given, EvolutionOptions.SAMPLE_SIZE, "--sample-size", options.sampleSize);
        if (training) {
            given.putIfAbsent(EvolutionOptions.POPULATION,
                    Integer.toString(TRAINING_POPULATION));
            if (!given.containsKey(EvolutionOptions.SAMPLE_SIZE)) {
                trainingSampleSize(given.get(EvolutionOptions.POPULATION)).ifPresent(size ->
                        given.put(EvolutionOptions.SAMPLE_SIZE, Integer.toString(size)));
            }
        }
        try {
            Map<String, String> resolved = EvolutionOptions.parse(given).toMap();
            Strategies.create(strategy, resolved);
            return resolved;
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid evolution settings (--population "
                    + given.getOrDefault(EvolutionOptions.POPULATION, "default")
                    + ", --sample-size "
                    + given.getOrDefault(EvolutionOptions.SAMPLE_SIZE, "default") + "): "
                    + e.getMessage());
        }
    }

    /** Puts a shorthand option's value, which must agree with a --strategy-option. */
    private static void putShorthand(Map<String, String> given, String key, String option,
            Integer value) {
        if (value == null) {
            return;
        }
        String previous = given.putIfAbsent(key, value.toString());
        if (previous != null && !previous.equals(value.toString())) {
            throw new UsageException(option + " " + value + " conflicts with --strategy-option "
                    + key + "=" + previous + "; give one of them");
        }
    }

    /** The real-training tournament size for a population, when it is a number. */
    private static OptionalInt trainingSampleSize(String population) {
        try {
            return OptionalInt.of(Math.min(TRAINING_SAMPLE_SIZE, Integer.parseInt(population)));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * Returns the budget of this run: what the options give, else what a resumed study
     * stored when it was created, else the defaults of new studies.
     */
    private Budget budget(StudyConfig config, StudyBudgets.Stored stored) {
        boolean training = trains(config);
        boolean unlimited = training || timeLimit.isPresent() || options.budgetEpochs != null
                || stored.epochs().isPresent();
        OptionalInt trials = options.trials != null ? OptionalInt.of(options.trials)
                : stored.trials().isPresent() ? stored.trials()
                : unlimited ? OptionalInt.empty() : OptionalInt.of(TABULAR_TRIALS);
        Optional<Duration> limit = timeLimit.isPresent() ? timeLimit
                : training ? Optional.of(TRAINING_TIME_LIMIT) : Optional.empty();
        OptionalDouble epochs = options.budgetEpochs != null
                ? OptionalDouble.of(options.budgetEpochs) : stored.epochs();
        return new Budget(trials, limit, epochs);
    }
}
