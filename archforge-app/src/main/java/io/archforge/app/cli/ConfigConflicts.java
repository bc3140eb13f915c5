package io.archforge.app.cli;

import io.archforge.app.domain.Domain;
import io.archforge.app.domain.Domains;
import io.archforge.app.setup.DatasetSpec;
import io.archforge.app.setup.SearchPruning;
import io.archforge.app.setup.StudyAttack;
import io.archforge.app.setup.TrainingSettings;
import io.archforge.schedule.Schedulers;
import io.archforge.strategy.EvolutionOptions;
import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares the options given to {@code search} with a stored study. Options left out
 * take the stored values; a given option that differs is an error naming both values.
 */
final class ConfigConflicts {

    private static final String NONE = "none";

    private final StudyConfig stored;
    private final SearchOptions options;
    private final Optional<DatasetSpec> dataset;
    private final Optional<List<Objective>> objectives;
    private final Map<String, String> strategyOptions;
    private final Map<String, String> schedulerOptions;

    ConfigConflicts(StudyConfig stored, SearchOptions options, Optional<DatasetSpec> dataset,
            Optional<List<Objective>> objectives, Map<String, String> strategyOptions,
            Map<String, String> schedulerOptions) {
        this.stored = stored;
        this.options = options;
        this.dataset = dataset;
        this.objectives = objectives;
        this.strategyOptions = strategyOptions;
        this.schedulerOptions = schedulerOptions;
    }

    /**
     * Checks every given option.
     *
     * @throws UsageException naming the option, its value and the stored value
     */
    /** The stored value of a scheduler option, or the scheduler's default when none was stored. */
    private String storedSchedulerOption(String key) {
        String value = stored.schedulerOptions().get(key);
        if (value != null) {
            return value;
        }
        return stored.scheduler().flatMap(name -> Schedulers.defaultOption(name, key)).orElse("(not set)");
    }

    void check() {
        Map<String, String> evaluatorOptions = stored.evaluatorOptions();
        boolean tabular = stored.evaluator().equals(DatasetSpec.NB201);
        Optional<Domain> domain = Domains.byEvaluator(stored.evaluator());
        if (domain.isPresent()) {
            checkDomain(domain.get(), evaluatorOptions);
            return;
        }
        compare("--benchmark", options.benchmark, tabular ? DatasetSpec.NB201 : NONE);
        dataset.ifPresent(spec -> compare("--dataset", datasetArgument(spec.evaluator(),
                spec.evaluatorOptions()), datasetArgument(stored.evaluator(), evaluatorOptions)));
        if (options.data != null) {
            compare("--data", options.data.toAbsolutePath().normalize().toString(),
                    evaluatorOptions.getOrDefault("data", NONE));
        }
        // Real training always measures latency on this machine, as --device local does.
        compare("--device", options.device, evaluatorOptions.getOrDefault("device",
                tabular ? NONE : DatasetSpec.LOCAL_DEVICE));
        // A NAS-Bench-201 study stored without a protocol searched on test accuracy.
        compare("--protocol", options.protocol, tabular
                ? evaluatorOptions.getOrDefault(DatasetSpec.Tabular.PROTOCOL, "test")
                : NONE);
        compare("--space", options.space, stored.space());
        compare("--strategy", options.strategy, stored.strategy());
        compare("--population", options.population,
                stored.strategyOptions().getOrDefault(EvolutionOptions.POPULATION, NONE));
        compare("--sample-size", options.sampleSize,
                stored.strategyOptions().getOrDefault(EvolutionOptions.SAMPLE_SIZE, NONE));
        strategyOptions.forEach((key, value) -> compare("--strategy-option",
                key + "=" + value,
                key + "=" + stored.strategyOptions().getOrDefault(key, "(not set)")));
        compare("--proxy", options.proxy, stored.strategyOptions().getOrDefault("proxy", NONE));
        compare("--prune-risk", options.pruneRisk,
                stored.strategyOptions().getOrDefault(SearchPruning.RISK, NONE));
        compare("--prune-predictor", options.prunePredictor,
                stored.strategyOptions().getOrDefault(SearchPruning.PREDICTOR, NONE));
        compare("--prune-min-trials", options.pruneMinTrials,
                stored.strategyOptions().getOrDefault(SearchPruning.MIN_TRIALS, NONE));
        compare("--scheduler", options.scheduler, stored.scheduler().orElse(NONE));
        schedulerOptions.forEach((key, value) -> compare("--scheduler-option",
                key + "=" + value, key + "=" + storedSchedulerOption(key)));
        compare("--seed", options.seed, Long.toString(stored.seed()));
        objectives.ifPresent(given -> compare("--objective", render(given),
                render(stored.objectives())));
        checkTraining(tabular, evaluatorOptions);
        compare("--attack", options.attack, evaluatorOptions.getOrDefault(StudyAttack.ATTACK,
                NONE));
        compare("--epsilon", options.epsilon, evaluatorOptions.getOrDefault(StudyAttack.EPSILON,
                NONE));
    }

    /**
     * Checks a study of a registered domain: the data set and every given domain or
     * training option against the stored evaluator options, then the search options.
     */
    private void checkDomain(Domain domain, Map<String, String> evaluatorOptions) {
        DatasetSpec.Domain storedSpec = domain.restore(evaluatorOptions);
        compare("--benchmark", options.benchmark,
                storedSpec.tabular() ? domain.evaluator() : NONE);
        dataset.ifPresent(spec -> {
            compare("--dataset", spec.displayName(), storedSpec.displayName());
            spec.evaluatorOptions().forEach((key, value) -> compare("--" + key.replace('_', '-'),
                    value, evaluatorOptions.getOrDefault(key, NONE)));
        });
        compare("--space", options.space, stored.space());
        compare("--strategy", options.strategy, stored.strategy());
        compare("--seed", options.seed, Long.toString(stored.seed()));
        objectives.ifPresent(given -> compare("--objective", render(given),
                render(stored.objectives())));
        compare("--scheduler", options.scheduler, stored.scheduler().orElse(NONE));
        strategyOptions.forEach((key, value) -> compare("--strategy-option",
                key + "=" + value,
                key + "=" + stored.strategyOptions().getOrDefault(key, "(not set)")));
    }

    private void checkTraining(boolean tabular, Map<String, String> evaluatorOptions) {
        TrainingOptions training = options.training;
        if (tabular) {
            training.rejectForBenchmark("study '" + stored.name() + "'");
            return;
        }
        // A study stored without these keys trained with the standard values.
        Map<String, String> values = new LinkedHashMap<>(TrainingSettings.standard().toMap());
        values.putAll(evaluatorOptions);
        compare("--epochs", training.epochs, values.get(TrainingSettings.EPOCHS));
        compare("--batch-size", training.batchSize, values.get(TrainingSettings.BATCH_SIZE));
        compare("--train-images", training.trainImages,
                values.get(TrainingSettings.TRAIN_IMAGES));
        compare("--validation-images", training.validationImages,
                values.get(TrainingSettings.VALIDATION_IMAGES));
        compare("--learning-rate", training.learningRate,
                values.get(TrainingSettings.LEARNING_RATE));
    }

    private static String datasetArgument(String evaluator, Map<String, String> evaluatorOptions) {
        String name = evaluatorOptions.getOrDefault("dataset", "");
        if (evaluator.equals(DatasetSpec.TRAIN) && name.equals(DatasetSpec.IDX)) {
            return DatasetSpec.IDX + ":" + evaluatorOptions.getOrDefault("data", "");
        }
        return name;
    }

    private static String render(List<Objective> objectives) {
        return String.join(" ", objectives.stream().map(Objective::toString).toList());
    }

    private void compare(String option, Object given, String storedValue) {
        if (given == null || Objects.equals(given.toString(), storedValue)) {
            return;
        }
        throw new UsageException(option + " " + given + " conflicts with study '" + stored.name()
                + "', which was created with " + option + " " + storedValue
                + "; drop the option to resume the study, or pick another --study name");
    }
}
