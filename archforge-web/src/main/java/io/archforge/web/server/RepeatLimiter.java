package io.archforge.web.server;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides whether to log a message again. Open pages poll every few seconds, so a store
 * that stays unreachable would otherwise log the same warning on every poll.
 */
final class RepeatLimiter {

    private final Duration quiet;
    private String lastMessage;
    private Instant lastLogged = Instant.MIN;
    private long suppressed;

    /** Creates a limiter that lets the same message through at most once per {@code quiet}. */
    RepeatLimiter(Duration quiet) {
        this.quiet = Objects.requireNonNull(quiet, "quiet");
    }

    /**
     * Returns whether {@code message} should be logged now: when it differs from the last
     * one logged, or {@code quiet} has passed since. Otherwise counts it as suppressed.
     */
    synchronized boolean shouldLog(String message, Instant now) {
        if (message.equals(lastMessage) && now.isBefore(lastLogged.plus(quiet))) {
            suppressed++;
            return false;
        }
        lastMessage = message;
        lastLogged = now;
        return true;
    }

    /** Returns the repeats left out since the last logged message, and starts counting anew. */
    synchronized long takeSuppressed() {
        long count = suppressed;
        suppressed = 0;
        return count;
    }
}
