package io.archforge.study;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * When a study's optimisation loop stops.
 *
 * @param totalTrials the number of finished trials the study should have in all, counting
 *     earlier runs of the same study, so a resumed study can extend or shorten its budget
 * @param timeLimit wall-clock limit of this run, from the call to {@code optimize}
 * @param costLimit the training epochs the study may spend in all, counting earlier runs
 *     (the sum of the {@code training_epochs} metric over its trials)
 */
public record Budget(OptionalInt totalTrials, Optional<Duration> timeLimit, OptionalDouble costLimit) {

    public Budget {
        Objects.requireNonNull(totalTrials, "totalTrials");
        Objects.requireNonNull(timeLimit, "timeLimit");
        Objects.requireNonNull(costLimit, "costLimit");
        if (costLimit.isPresent() && !(costLimit.getAsDouble() > 0)) {
            throw new IllegalArgumentException("cost limit must be positive, got " + costLimit.getAsDouble());
        }
        if (totalTrials.isPresent() && totalTrials.getAsInt() < 0) {
            throw new IllegalArgumentException("trial budget must be >= 0, got " + totalTrials.getAsInt());
        }
        if (timeLimit.isPresent() && (timeLimit.get().isNegative() || timeLimit.get().isZero())) {
            throw new IllegalArgumentException("time limit must be positive, got " + timeLimit.get());
        }
        if (totalTrials.isEmpty() && timeLimit.isEmpty() && costLimit.isEmpty()) {
            throw new IllegalArgumentException("a budget needs a trial count, a time limit or a cost limit");
        }
    }

    /** Creates a budget of trials and time, without a cost limit. */
    public Budget(OptionalInt totalTrials, Optional<Duration> timeLimit) {
        this(totalTrials, timeLimit, OptionalDouble.empty());
    }

    /** Creates a budget of training epochs, summed over the study's trials. */
    public static Budget epochs(double total) {
        return new Budget(OptionalInt.empty(), Optional.empty(), OptionalDouble.of(total));
    }

    /** This budget with a cost limit of {@code epochs} training epochs. */
    public Budget withCostLimit(double epochs) {
        return new Budget(totalTrials, timeLimit, OptionalDouble.of(epochs));
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
