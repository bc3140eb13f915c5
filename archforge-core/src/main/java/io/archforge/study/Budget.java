package io.archforge.study;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * When a study's optimisation loop stops.
 *
 * @param totalTrials the number of finished trials the study should have in all, counting
 *     earlier runs of the same study, so a resumed study can extend or shorten its budget
 * @param timeLimit wall-clock limit of this run, from the call to {@code optimize}
 */
public record Budget(OptionalInt totalTrials, Optional<Duration> timeLimit) {

    public Budget {
        Objects.requireNonNull(totalTrials, "totalTrials");
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (totalTrials.isPresent() && totalTrials.getAsInt() < 0) {
            throw new IllegalArgumentException("trial budget must be >= 0, got " + totalTrials.getAsInt());
        }
        if (timeLimit.isPresent() && (timeLimit.get().isNegative() || timeLimit.get().isZero())) {
            throw new IllegalArgumentException("time limit must be positive, got " + timeLimit.get());
        }
        if (totalTrials.isEmpty() && timeLimit.isEmpty()) {
            throw new IllegalArgumentException("a budget needs a trial count, a time limit, or both");
        }
    }

    public static Budget trials(int total) {
        return new Budget(OptionalInt.of(total), Optional.empty());
    }

    public static Budget time(Duration limit) {
        return new Budget(OptionalInt.empty(), Optional.of(limit));
    }

    public static Budget of(int total, Duration limit) {
        return new Budget(OptionalInt.of(total), Optional.of(limit));
    }
}
