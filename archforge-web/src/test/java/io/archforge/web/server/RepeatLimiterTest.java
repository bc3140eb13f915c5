package io.archforge.web.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RepeatLimiterTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void repeatWithinQuietIsSuppressed() {
        RepeatLimiter limiter = new RepeatLimiter(Duration.ofMinutes(1));

        assertThat(limiter.shouldLog("down", START)).isTrue();
        assertThat(limiter.shouldLog("down", START.plusSeconds(2))).isFalse();
        assertThat(limiter.shouldLog("down", START.plusSeconds(4))).isFalse();
        assertThat(limiter.takeSuppressed()).isEqualTo(2);
        assertThat(limiter.takeSuppressed()).isZero();
    }

    @Test
    void repeatAfterQuietIsLogged() {
        RepeatLimiter limiter = new RepeatLimiter(Duration.ofMinutes(1));

        assertThat(limiter.shouldLog("down", START)).isTrue();
        assertThat(limiter.shouldLog("down", START.plusSeconds(61))).isTrue();
    }

    @Test
    void otherMessageIsLogged() {
        RepeatLimiter limiter = new RepeatLimiter(Duration.ofMinutes(1));

        assertThat(limiter.shouldLog("down", START)).isTrue();
        assertThat(limiter.shouldLog("locked", START.plusSeconds(1))).isTrue();
    }
}
