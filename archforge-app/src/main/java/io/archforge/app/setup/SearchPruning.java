package io.archforge.app.setup;

import io.archforge.app.cli.UsageException;
import io.archforge.predictor.PredictorFactory;
import io.archforge.predictor.prune.CandidatePruner;
import io.archforge.predictor.prune.LearnedPruner;
import io.archforge.predictor.prune.PruningOptions;
import io.archforge.space.CellSpace;
import io.archforge.space.SearchSpace;
import io.archforge.study.StudyConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Learned pruning inside a search, set with {@code search --prune-risk}. The settings
 * are stored with the study's strategy options under the keys {@value #RISK},
 * {@value #PREDICTOR} and {@value #MIN_TRIALS}, so a resumed study prunes the same way.
 * The pruner refits every {@value PruningOptions#DEFAULT_REFIT_INTERVAL} complete trials
 * and skips at most {@value PruningOptions#DEFAULT_MAX_SKIPS_IN_A_ROW} candidates in a
 * row before it evaluates the most promising of them.
 */
public final class SearchPruning {

    /** The strategy-option key of the risk level. */
    public static final String RISK = "prune_risk";
    /** The strategy-option key of the predictor name. */
    public static final String PREDICTOR = "prune_predictor";
    /** The strategy-option key of the complete trials before pruning starts. */
    public static final String MIN_TRIALS = "prune_min_trials";
    /** The predictor used when {@code --prune-predictor} is not given. */
    public static final String DEFAULT_PREDICTOR = "gp";

    private SearchPruning() {
    }

    /**
     * Checks the pruning options on their own, before any store is opened.
     *
     * @throws UsageException naming the bad value and the fix
     */
    public static void check(Double risk, String predictor, Integer minTrials) {
        if (risk == null) {
            if (predictor != null || minTrials != null) {
                throw new UsageException("--prune-predictor and --prune-min-trials need "
                        + "--prune-risk; add --prune-risk 0.05 to turn learned pruning on");
            }
            return;
        }
        if (!(risk > 0 && risk < 1)) {
            throw new UsageException("invalid --prune-risk " + risk + ": the risk level must "
                    + "be between 0 and 1, both excluded, such as 0.05");
        }
        String name = predictor != null ? predictor : DEFAULT_PREDICTOR;
        PredictorFactory chosen = factory(name);
        if (minTrials != null && minTrials < 2) {
            throw new UsageException("invalid --prune-min-trials " + minTrials + ": pruning "
                    + "needs at least 2 complete trials to fit its predictor");
        }
        int start = minTrials != null ? minTrials : PruningOptions.DEFAULT_MIN_COMPLETE_TRIALS;
        // The predictors' minimum does not depend on the space, so any space can ask for it.
        int needed = chosen.create(CellSpace.nb201(), 0).minTrainingSize();
        if (needed > start) {
            throw new UsageException("invalid --prune-min-trials " + start + ": predictor '"
                    + name + "' needs " + needed + " training architectures; set "
                    + "--prune-min-trials " + needed + " or more");
        }
    }

    /**
     * Returns the strategy options with the pruning settings added, or the options
     * themselves without {@code --prune-risk}.
     *
     * @throws UsageException naming the bad value and the fix
     */
    public static Map<String, String> withPruning(Map<String, String> strategyOptions,
            Double risk, String predictor, Integer minTrials) {
        check(risk, predictor, minTrials);
        if (risk == null) {
            return strategyOptions;
        }
        Map<String, String> options = new LinkedHashMap<>(strategyOptions);
        options.put(RISK, Double.toString(risk));
        options.put(PREDICTOR, predictor != null ? predictor : DEFAULT_PREDICTOR);
        options.put(MIN_TRIALS, Integer.toString(minTrials != null ? minTrials
                : PruningOptions.DEFAULT_MIN_COMPLETE_TRIALS));
        return options;
    }

    /** Returns the strategy options without the pruning settings. */
    public static Map<String, String> strategyOnly(Map<String, String> options) {
        Map<String, String> rest = new LinkedHashMap<>(options);
        rest.keySet().removeAll(List.of(RISK, PREDICTOR, MIN_TRIALS));
        return rest;
    }

    /**
     * Returns the pruner of a study stored with pruning settings, seeded with the study
     * seed, or empty for a study without them.
     *
     * @throws UsageException when the stored settings are invalid
     */
    public static Optional<CandidatePruner> pruner(StudyConfig config, SearchSpace space) {
        Map<String, String> options = config.strategyOptions();
        if (!options.containsKey(RISK)) {
            return Optional.empty();
        }
        double risk;
        int minTrials;
        try {
            risk = Double.parseDouble(options.get(RISK));
            minTrials = Integer.parseInt(options.getOrDefault(MIN_TRIALS,
                    Integer.toString(PruningOptions.DEFAULT_MIN_COMPLETE_TRIALS)));
        } catch (NumberFormatException e) {
            throw new UsageException("invalid pruning settings of study '" + config.name()
                    + "' " + options + ": " + e.getMessage() + "; start a new --study");
        }
        String predictor = options.getOrDefault(PREDICTOR, DEFAULT_PREDICTOR);
        check(risk, predictor, minTrials);
        PruningOptions settings = PruningOptions.defaults().withMinCompleteTrials(minTrials);
        return Optional.of(new LearnedPruner(factory(predictor), space, risk, settings,
                config.seed()));
    }

    /** Returns the factory of predictor {@code name}, a {@code --prune-predictor} value. */
    private static PredictorFactory factory(String name) {
        if (!PredictorCatalog.names().contains(name)) {
            throw new UsageException("unknown --prune-predictor '" + name + "': use one of "
                    + String.join(", ", PredictorCatalog.names()));
        }
        return PredictorCatalog.factory(name, Optional.empty());
    }
}
