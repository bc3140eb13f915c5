package io.archforge.web.server;

import java.time.Duration;
import java.util.Objects;

/**
 * The address, port and poll interval of a dashboard.
 *
 * @param host the address to bind, such as {@code 127.0.0.1}
 * @param port the TCP port, or 0 for a free one the system picks
 * @param pollInterval how often an open page fetches fresh data; zero turns polling off
 */
public record DashboardSettings(String host, int port, Duration pollInterval) {

    /** The default address: the loopback interface, so only this machine can connect. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** The default port. */
    public static final int DEFAULT_PORT = 8080;

    /** The default poll interval. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

    public DashboardSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (host.isBlank()) {
            throw new IllegalArgumentException("dashboard host is empty: pass an address such as "
                    + DEFAULT_HOST);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("invalid dashboard port " + port
                    + ": use 1 to 65535, or 0 for any free port");
        }
        if (pollInterval.isNegative()) {
            throw new IllegalArgumentException("invalid poll interval " + pollInterval
                    + ": use a positive interval, or zero to turn polling off");
        }
    }

    /** Returns the defaults: {@value #DEFAULT_HOST}, port {@value #DEFAULT_PORT}, a 2 s poll. */
    public static DashboardSettings defaults() {
        return new DashboardSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_POLL_INTERVAL);
    }
}
