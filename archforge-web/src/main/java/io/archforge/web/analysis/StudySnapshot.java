package io.archforge.web.analysis;

import io.archforge.space.SearchSpace;
import io.archforge.space.RecipeSpace;
import io.archforge.space.SearchSpaces;
import io.archforge.space.StoredSpaceProvider;
import io.archforge.storage.Storage;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A study as read from a store at one moment, with the derived views the dashboard
 * and the report share.
 *
 * @param config the stored configuration
 * @param attributes the study's attributes, such as the command line that created it
 * @param trials every trial, ordered by number
 */
public record StudySnapshot(StudyConfig config, Map<String, String> attributes,
        List<FrozenTrial> trials) {

    public StudySnapshot {
        Objects.requireNonNull(config, "config");
        attributes = Map.copyOf(attributes);
        trials = List.copyOf(trials);
    }

    /** Reads study {@code name}, or returns empty when the store has no such study. */
    public static Optional<StudySnapshot> read(Storage storage, String name) {
        Optional<StudyConfig> config = storage.loadStudy(name);
        if (config.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new StudySnapshot(config.get(), storage.studyAttributes(name),
                storage.trials(name)));
    }

    /** Returns the study's name. */
    public String name() {
        return config.name();
    }

    /** Returns the objectives, the first one primary. */
    public List<Objective> objectives() {
        return config.objectives();
    }

    /** Returns the trials that completed at the evaluator's full fidelity. */
    public List<FrozenTrial> complete() {
        return trials.stream()
                .filter(t -> t.state() == TrialState.COMPLETE && Study.isFullFidelity(t))
                .toList();
    }

    /** Counts the trials in each state, listing every state, in declaration order. */
    public Map<TrialState, Integer> stateCounts() {
        return stateCounts(trials);
    }

    /** Counts {@code trials} by state, listing every state, in declaration order. */
    public static Map<TrialState, Integer> stateCounts(List<FrozenTrial> trials) {
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        for (TrialState state : TrialState.values()) {
            counts.put(state, 0);
        }
        trials.forEach(t -> counts.merge(t.state(), 1, Integer::sum));
        return counts;
    }

    /** Lists the metric names of all trials: the objectives' first, then the rest sorted. */
    public List<String> metricNames() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        objectives().forEach(o -> names.add(o.metric()));
        TreeSet<String> others = new TreeSet<>();
        trials.forEach(t -> others.addAll(t.metrics().keySet()));
        names.addAll(others);
        return new ArrayList<>(names);
    }

    /** Picks the best complete trial on the first objective, as {@code study best} does. */
    public Optional<FrozenTrial> best() {
        return Study.bestOf(trials, objectives(), config.constraints());
    }

    /**
     * Returns the Pareto set of the complete trials, ordered by the first objective, or an empty
     * list for a study of one objective.
     */
    public List<FrozenTrial> paretoFront() {
        if (!config.isMultiObjective()) {
            return List.of();
        }
        return Study.paretoFrontOf(trials, objectives(), config.constraints());
    }

    /**
     * Looks up the search space of the study: a space stored with it, such as one declared
     * in YAML ({@link StoredSpaceProvider}), or the built-in space of its name, with the
     * stored recipe ranges of a study that tunes the recipe. Returns empty when no space
     * has its name.
     */
    public Optional<SearchSpace> space() {
        try {
            Optional<SearchSpace> stored =
                    StoredSpaceProvider.find(config.space(), config.evaluatorOptions());
            if (stored.isPresent()) {
                return stored;
            }
            if (config.space().equals(RecipeSpace.NAME)) {
                return Optional.of(RecipeSpace.fromOptions(config.evaluatorOptions(),
                        config.scheduler().isEmpty()));
            }
            return Optional.of(SearchSpaces.byName(config.space()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Returns how long {@code trial} ran, or empty while it runs. */
    public static Optional<Duration> duration(FrozenTrial trial) {
        return trial.finished().map(end -> Duration.between(trial.started(), end));
    }
}
