package io.archforge.strategy;

import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts finished trials since the primary objective last improved and turns the
 * count into an exploration level, from 0 (no stagnation) to {@code maxLevel}.
 *
 * <p>After {@code patience} complete trials without a strictly better primary value
 * (direction-aware) the level rises by one and the count starts again; the next
 * improvement sets the level back to 0. Failed and pruned trials do not count. The
 * monitor receives only what {@link Strategy#tell} passes on, so replaying the same
 * trials in the same order rebuilds the same level.
 *
 * <p>Not thread-safe; a strategy owns one monitor.
 */
public final class StagnationMonitor {

    /** The attribute that stores the level in force when a trial was proposed. */
    public static final String LEVEL_ATTRIBUTE = "exploration_level";
    /** The attribute that stores a change of level decided just before a proposal. */
    public static final String EVENT_ATTRIBUTE = "exploration_event";

    private final int patience;
    private final int maxLevel;
    private double best = Double.POSITIVE_INFINITY;
    private int sinceImprovement;
    private int level;

    /**
     * @param patience complete trials without improvement before the level rises; at least 1
     * @param maxLevel the highest level; 0 turns the monitor off
     */
    public StagnationMonitor(int patience, int maxLevel) {
        if (patience < 1) {
            throw new IllegalArgumentException(
                    "stagnation patience must be at least 1, got " + patience);
        }
        if (maxLevel < 0) {
            throw new IllegalArgumentException(
                    "stagnation max level must be at least 0, got " + maxLevel);
        }
        this.patience = patience;
        this.maxLevel = maxLevel;
    }

    /** The current exploration level. */
    public int level() {
        return level;
    }

    /**
     * Takes a finished trial into account.
     *
     * @return the change of level it caused, if any
     */
    public Optional<Change> observe(FrozenTrial trial, Objective primary) {
        Objects.requireNonNull(primary, "primary");
        Double value = trial.metrics().get(primary.metric());
        if (!trial.hasValues(List.of(primary)) || value == null) {
            return Optional.empty();
        }
        double minimized = primary.direction().toMinimized(value);
        if (minimized < best) {
            best = minimized;
            sinceImprovement = 0;
            return lowerAfterImprovement(trial.number());
        }
        sinceImprovement++;
        if (sinceImprovement < patience || level >= maxLevel) {
            return Optional.empty();
        }
        sinceImprovement = 0;
        level++;
        return Optional.of(new Change(trial.number(), level, "raised after " + patience
                + " trials without improvement"));
    }

    private Optional<Change> lowerAfterImprovement(int number) {
        if (level == 0) {
            return Optional.empty();
        }
        level = 0;
        return Optional.of(new Change(number, 0, "lowered after an improvement"));
    }

    /**
     * A change of exploration level.
     *
     * @param trial the number of the trial whose result caused it
     * @param level the new level
     * @param reason why, in a few words
     */
    public record Change(int trial, int level, String reason) {

        /** The text stored as {@value #EVENT_ATTRIBUTE}. */
        public String describe() {
            return "level " + level + " " + reason + " (trial " + trial + ")";
        }
    }
}
