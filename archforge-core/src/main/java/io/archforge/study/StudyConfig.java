package io.archforge.study;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to rebuild a study: stored with it so any process that knows
 * the study name (a resuming run, a second worker) can continue it.
 *
 * @param name the study name, unique within a store
 * @param space the search space name
 * @param evaluator the evaluator name, such as {@code nb201} or {@code train}
 * @param evaluatorOptions evaluator settings, such as dataset, data directory and device
 * @param strategy the strategy name, such as {@code random} or {@code evolution}
 * @param strategyOptions strategy settings, such as population size
 * @param objectives the objectives, the first one primary
 * @param seed the study seed from which every trial seed is derived
 * @param scheduler the scheduler name, such as {@code hyperband}, or empty for none
 * @param schedulerOptions scheduler settings, such as the reduction factor
 * @param constraints bounds a trial must respect to be feasible; none by default
 */
public record StudyConfig(
        String name,
        String space,
        String evaluator,
        Map<String, String> evaluatorOptions,
        String strategy,
        Map<String, String> strategyOptions,
        List<Objective> objectives,
        long seed,
        Optional<String> scheduler,
        Map<String, String> schedulerOptions,
        List<Constraint> constraints) {

    /** The longest study name accepted. */
    public static final int MAX_NAME_LENGTH = 200;

    public StudyConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(evaluator, "evaluator");
        evaluatorOptions = Map.copyOf(evaluatorOptions);
        Objects.requireNonNull(strategy, "strategy");
        strategyOptions = Map.copyOf(strategyOptions);
        objectives = List.copyOf(objectives);
        Objects.requireNonNull(scheduler, "scheduler");
        schedulerOptions = Map.copyOf(schedulerOptions);
        constraints = List.copyOf(constraints);
        if (objectives.isEmpty()) {
            throw new IllegalArgumentException("study '" + name + "' needs at least one objective");
        }
        if (name.isBlank()) {
            throw new IllegalArgumentException("study name is empty");
        }
        if (name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("invalid study name '" + name.replaceAll("\\p{Cntrl}", "?")
                    + "': use at most " + MAX_NAME_LENGTH + " characters and no control characters");
        }
    }

    /** A configuration without constraints. */
    public StudyConfig(String name, String space, String evaluator,
            Map<String, String> evaluatorOptions, String strategy,
            Map<String, String> strategyOptions, List<Objective> objectives, long seed,
            Optional<String> scheduler, Map<String, String> schedulerOptions) {
        this(name, space, evaluator, evaluatorOptions, strategy, strategyOptions, objectives, seed,
                scheduler, schedulerOptions, List.of());
    }

    /** A configuration without a scheduler or constraints. */
    public StudyConfig(String name, String space, String evaluator,
            Map<String, String> evaluatorOptions, String strategy,
            Map<String, String> strategyOptions, List<Objective> objectives, long seed) {
        this(name, space, evaluator, evaluatorOptions, strategy, strategyOptions, objectives, seed,
                Optional.empty(), Map.of());
    }

    /** This configuration with {@code scheduler} and its options. */
    public StudyConfig withScheduler(Optional<String> scheduler, Map<String, String> options) {
        return new StudyConfig(name, space, evaluator, evaluatorOptions, strategy, strategyOptions,
                objectives, seed, scheduler, options, constraints);
    }

    /** This configuration with {@code constraints} instead of its own. */
    public StudyConfig withConstraints(List<Constraint> constraints) {
        return new StudyConfig(name, space, evaluator, evaluatorOptions, strategy, strategyOptions,
                objectives, seed, scheduler, schedulerOptions, constraints);
    }

    /**
     * The metric keys the evaluator must report: each objective's metric, then each
     * constraint's {@link Constraint#key()} not already among them.
     */
    public List<String> requiredMetrics() {
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        objectives.forEach(objective -> keys.add(objective.metric()));
        constraints.forEach(constraint -> keys.add(constraint.key()));
        return List.copyOf(keys);
    }

    /** Returns whether the study has two or more objectives. */
    public boolean isMultiObjective() {
        return objectives.size() > 1;
    }
}
