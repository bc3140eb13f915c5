package io.archforge.web.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The address, port, poll interval and access token of a dashboard.
 *
 * @param host the address to bind, such as {@code 127.0.0.1}
 * @param port the TCP port, or 0 for a free one the system picks
 * @param pollInterval how often an open page fetches fresh data; zero turns polling off
 * @param token the token every request must carry, or empty for none. A dashboard on an
 *     address other than loopback must have one.
 */
public record DashboardSettings(String host, int port, Duration pollInterval,
        Optional<AccessToken> token) {

    /** The default address: the loopback interface, so only this machine can connect. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** The default port. */
    public static final int DEFAULT_PORT = 8080;

    /** The default poll interval. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

    public DashboardSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(token, "token");
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

    /** Creates settings without an access token. */
    public DashboardSettings(String host, int port, Duration pollInterval) {
        this(host, port, pollInterval, Optional.empty());
    }

    /** Returns the defaults: {@value #DEFAULT_HOST}, port {@value #DEFAULT_PORT}, a 2 s poll. */
    public static DashboardSettings defaults() {
        return new DashboardSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_POLL_INTERVAL);
    }

    /** Returns these settings with {@code token} required of every request. */
    public DashboardSettings withToken(AccessToken token) {
        return new DashboardSettings(host, port, pollInterval,
                Optional.of(Objects.requireNonNull(token, "token")));
    }

    /**
     * Returns whether {@link #host()} is a loopback address, such as {@code 127.0.0.1},
     * {@code ::1} or {@code localhost}, which only this machine can connect to. A host
     * name that does not resolve counts as not loopback.
     */
    public boolean isLoopback() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
