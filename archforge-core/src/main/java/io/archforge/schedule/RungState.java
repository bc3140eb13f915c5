package io.archforge.schedule;

import io.archforge.fidelity.Fidelity;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.TrialState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What a {@link RungScheduler} decides from: the fidelity of each rung, the study's
 * trials and its objectives. STALE trials, abandoned by a killed process, are left
 * out, so their work is scheduled again.
 */
public final class RungState {

    private final List<Fidelity> rungs;
    private final List<FrozenTrial> trials;
    private final List<Objective> objectives;
    private final Map<Integer, Map<Integer, List<FrozenTrial>>> byBracketAndRung = new HashMap<>();
    private final Map<Integer, List<FrozenTrial>> byRung = new HashMap<>();
    private final Set<Integer> promotedSources = new HashSet<>();

    /**
     * @param rungs the fidelity of each rung, lowest first; the last is the full fidelity
     * @param trials every trial of the study, finished or running
     * @param objectives the study's objectives
     */
    public RungState(List<Fidelity> rungs, List<FrozenTrial> trials, List<Objective> objectives) {
        this.rungs = List.copyOf(rungs);
        this.trials = List.copyOf(trials);
        this.objectives = List.copyOf(objectives);
        if (rungs.isEmpty()) {
            throw new IllegalArgumentException("a rung scheduler needs at least one rung");
        }
        for (FrozenTrial trial : this.trials) {
            if (trial.state() == TrialState.STALE) {
                // Abandoned by a killed process: the scheduler plans that work again.
                continue;
            }
            OptionalInt bracket = attribute(trial, RungScheduler.BRACKET);
            OptionalInt rung = attribute(trial, RungScheduler.RUNG);
            if (rung.isPresent()) {
                byRung.computeIfAbsent(rung.getAsInt(), r -> new java.util.ArrayList<>()).add(trial);
                if (bracket.isPresent()) {
                    byBracketAndRung.computeIfAbsent(bracket.getAsInt(), b -> new HashMap<>())
                            .computeIfAbsent(rung.getAsInt(), r -> new java.util.ArrayList<>())
                            .add(trial);
                }
            }
            attribute(trial, RungScheduler.PROMOTED_FROM).ifPresent(promotedSources::add);
        }
    }

    /** Returns the fidelity of each rung, lowest first. */
    public List<Fidelity> rungs() {
        return rungs;
    }

    /** Returns every trial of the study. */
    public List<FrozenTrial> trials() {
        return trials;
    }

    /** Returns the study's objectives. */
    public List<Objective> objectives() {
        return objectives;
    }

    /** Returns the index of the top rung. */
    public int topRung() {
        return rungs.size() - 1;
    }

    /** Returns the trials that belong to {@code bracket} and ran, or run, at {@code rung}. */
    public List<FrozenTrial> at(int bracket, int rung) {
        return List.copyOf(byBracketAndRung.getOrDefault(bracket, Map.of())
                .getOrDefault(rung, List.of()));
    }

    /** Returns the trials at {@code rung} in any bracket. */
    public List<FrozenTrial> atRung(int rung) {
        return List.copyOf(byRung.getOrDefault(rung, List.of()));
    }

    /** Returns the highest bracket number used so far, or empty before the first trial. */
    public OptionalInt lastBracket() {
        return byBracketAndRung.keySet().stream().mapToInt(Integer::intValue).max();
    }

    /** Returns the numbers of the trials that a later trial was promoted from. */
    public Set<Integer> promotedSources() {
        return Set.copyOf(promotedSources);
    }

    /** Returns whether a later trial was promoted from {@code trial}. */
    public boolean isPromoted(FrozenTrial trial) {
        return promotedSources.contains(trial.number());
    }

    /** Returns an integer attribute of {@code trial}, or empty when it has none. */
    static OptionalInt attribute(FrozenTrial trial, String key) {
        String value = trial.attributes().get(key);
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** Counts the trials of {@code trials} that are still running. */
    static long running(List<FrozenTrial> trials) {
        return trials.stream().filter(t -> !t.state().isFinished()).count();
    }
}
