package io.archforge.app.reliability;

import io.archforge.strategy.Strategies;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The settings of a crash harness run. Study {@code i} searches with strategy
 * {@code strategies[i % size]} and seed {@code seed + i}. Every other study runs with the
 * trial delay and takes kills inside trials, the others run without it and take kills
 * during store writes, and both take kills during restarts.
 *
 * @param store where the studies live
 * @param strategies the strategies, used in turn
 * @param trials the trial budget of every study ({@code --trials})
 * @param seed the seed of the first study, also the seed of the kill timing
 * @param kills the kills in all, spread over as many studies as needed
 * @param killsPerStudy the kills of one study before it runs to completion
 * @param trialDelayMillis the {@code --trial-delay} of the studies with a delay
 * @param delayCheck whether the first delayed study of each strategy also runs its
 *     reference without the delay, to show that the delay changes no trial
 * @param workDir where the processes' stdout and stderr go
 * @param processTimeout the longest a process may run before it counts as hung
 */
public record CrashSettings(CrashStore store, List<String> strategies, int trials, long seed,
        int kills, int killsPerStudy, int trialDelayMillis, boolean delayCheck, Path workDir,
        Duration processTimeout) {

    /**
     * The trials that one kill in a running search may use up: it waits for one to
     * three trials to end, then a fraction of the next.
     */
    static final int TRIALS_PER_KILL = 5;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException naming the invalid value and the valid range
     */
    public CrashSettings {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(processTimeout, "processTimeout");
        strategies = List.copyOf(strategies);
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("no strategy given: name at least one of "
                    + Strategies.names());
        }
        for (String strategy : strategies) {
            if (!Strategies.names().contains(strategy)) {
                throw new IllegalArgumentException("unknown strategy '" + strategy
                        + "': use one of " + Strategies.names());
            }
        }
        if (kills < 1) {
            throw new IllegalArgumentException("invalid kill count " + kills
                    + ": it must be at least 1");
        }
        if (killsPerStudy < 1) {
            throw new IllegalArgumentException("invalid kills per study " + killsPerStudy
                    + ": it must be at least 1");
        }
        if (trials < TRIALS_PER_KILL * killsPerStudy) {
            throw new IllegalArgumentException("invalid trial count " + trials + ": with "
                    + killsPerStudy + " kills per study it must be at least "
                    + TRIALS_PER_KILL * killsPerStudy + ", because each kill in a running "
                    + "search uses up to " + TRIALS_PER_KILL + " trials");
        }
        if (trialDelayMillis < 1) {
            throw new IllegalArgumentException("invalid trial delay " + trialDelayMillis
                    + " ms: it must be at least 1 ms");
        }
        if (processTimeout.isNegative() || processTimeout.isZero()) {
            throw new IllegalArgumentException("invalid process time limit " + processTimeout
                    + ": it must be positive");
        }
    }

    /** Returns the strategy of study {@code index}. */
    String strategy(int index) {
        return strategies.get(index % strategies.size());
    }

    /**
     * Returns whether study {@code index} runs with the trial delay: every other study,
     * shifted by one in each pass over an even number of strategies, so that every
     * strategy runs both with and without it.
     */
    boolean delayed(int index) {
        int shift = strategies.size() % 2 == 0 ? index / strategies.size() : 0;
        return (index + shift) % 2 == 0;
    }
}
