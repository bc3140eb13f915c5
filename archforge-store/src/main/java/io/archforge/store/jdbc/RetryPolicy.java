package io.archforge.store.jdbc;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The rule by which {@link Database} runs a transaction again after a transient error,
 * such as a lock held by another worker. The pause before each new attempt doubles from
 * {@code firstPause} up to {@code maxPause} and is drawn at random between half and all
 * of that, so that workers that collided do not collide again in step. Attempts go on
 * until {@code limit} has passed since the first one.
 *
 * @param limit the time after which a transient error is raised instead of retried
 * @param firstPause the pause after the first failed attempt, before jitter
 * @param maxPause the longest pause between attempts, before jitter
 */
record RetryPolicy(Duration limit, Duration firstPause, Duration maxPause) {

    /**
     * The policy of every store: two minutes, far longer than any transaction of
     * Archforge holds a lock, so that only a stuck process exhausts it.
     */
    static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofMinutes(2),
            Duration.ofMillis(10), Duration.ofSeconds(1));

    /** The maximum number of doublings of the pause, which keeps the shift below overflow. */
    private static final int MAX_DOUBLINGS = 30;

    RetryPolicy {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(firstPause, "firstPause");
        Objects.requireNonNull(maxPause, "maxPause");
        if (limit.isNegative() || firstPause.toMillis() < 1
                || maxPause.compareTo(firstPause) < 0) {
            throw new IllegalArgumentException("retry limit " + limit + ", first pause "
                    + firstPause + " and maximum pause " + maxPause + ": the limit must not be"
                    + " negative, the first pause at least 1 ms and the maximum pause at least"
                    + " the first");
        }
    }

    /**
     * Returns the pause in milliseconds after failed attempt {@code attempt} (1 for the
     * first), at random between half and all of the doubled pause.
     */
    long pauseMillis(int attempt, RandomGenerator random) {
        int doublings = Math.min(Math.max(attempt - 1, 0), MAX_DOUBLINGS);
        long pause = Math.min(firstPause.toMillis() << doublings, maxPause.toMillis());
        long half = pause / 2;
        return half + random.nextLong(pause - half + 1);
    }

    /** Returns whether another attempt may start {@code elapsed} after the first began. */
    boolean allowsRetryAfter(Duration elapsed) {
        return elapsed.compareTo(limit) < 0;
    }
}
