package io.archforge.app.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of one load run: {@code workers} worker processes run a fresh
 * NAS-Bench-201 study of {@code trials} trials in one store, and {@code kills} of them are
 * killed with SIGKILL while they evaluate a trial.
 *
 * @param storage the store as given to {@code --storage}, such as {@code sqlite:PATH} or a
 *     {@code postgresql://} URL
 * @param study the name of the study to create; it must not exist in the store
 * @param workers the worker processes, at least 1
 * @param trials the study's trial budget, at least 1
 * @param trialDelay the {@code --trial-delay} of the study, such as {@code 5ms}, or empty
 *     for none
 * @param kills the workers killed during the run, fewer than {@code workers}
 * @param seed the seed that picks the workers to kill
 * @param logs the directory for the processes' stdout and stderr
 * @param processTimeout how long the workers may run before they count as hung
 */
public record LoadSettings(String storage, String study, int workers, int trials,
        Optional<String> trialDelay, int kills, long seed, Path logs,
        Duration processTimeout) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException naming the value and the rule it breaks
     */
    public LoadSettings {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(study, "study");
        Objects.requireNonNull(trialDelay, "trialDelay");
        Objects.requireNonNull(logs, "logs");
        Objects.requireNonNull(processTimeout, "processTimeout");
        if (workers < 1) {
            throw new IllegalArgumentException("invalid --workers " + workers
                    + ": give at least 1 worker process");
        }
        if (trials < 1) {
            throw new IllegalArgumentException("invalid --trials " + trials
                    + ": give a budget of at least 1 trial");
        }
        if (kills < 0 || kills >= workers) {
            throw new IllegalArgumentException("invalid --kill " + kills + ": give 0 to "
                    + (workers - 1) + ", so that at least one of the " + workers
                    + " workers lives to finish the study");
        }
        if (processTimeout.isNegative() || processTimeout.isZero()) {
            throw new IllegalArgumentException("invalid process timeout " + processTimeout
                    + ": it must be positive");
        }
    }
}
