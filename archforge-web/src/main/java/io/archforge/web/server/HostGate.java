package io.archforge.web.server;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Rejects a request whose {@code Host} header names neither an IP address, nor
 * {@code localhost}, nor the address the dashboard listens on. A dashboard on the
 * loopback interface without an access token runs with this check. Without it, a web
 * page of another site could read the dashboard through DNS rebinding: the site points
 * its own host name at 127.0.0.1, so the browser treats the dashboard as part of that
 * site. Such a page always sends its own host name, never an IP address.
 */
final class HostGate implements Handler {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** A bracketed IPv6 address with an optional port, as a Host header writes it. */
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+](:\\d{1,5})?");

    private static final Pattern PORT = Pattern.compile("\\d{1,5}");

    private final String boundHost;

    /** Creates the check for a dashboard that listens on {@code boundHost}. */
    HostGate(String boundHost) {
        this.boundHost = Objects.requireNonNull(boundHost, "boundHost").toLowerCase(Locale.ROOT);
    }

    @Override
    public void handle(Context ctx) {
        String header = ctx.header("Host");
        // HTTP/1.0 requests may leave Host out, but browsers always send it.
        if (header == null || isAccepted(header)) {
            return;
        }
        int port = ctx.req().getLocalPort();
        throw new RequestFailure(403, "The host name in this address is not this machine: open"
                + " the dashboard as http://127.0.0.1:" + port + "/ or http://localhost:" + port
                + "/. A dashboard started with an access token accepts every host name.");
    }

    /**
     * Returns whether the {@code Host} header {@code header} names an IP address,
     * {@code localhost} or a name under it, or the bound host, with or without a port.
     */
    boolean isAccepted(String header) {
        String host = header.strip().toLowerCase(Locale.ROOT);
        if (IPV6.matcher(host).matches()) {
            return true;
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            if (!PORT.matcher(host.substring(colon + 1)).matches()) {
                return false;
            }
            host = host.substring(0, colon);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return host.equals("localhost") || host.endsWith(".localhost")
                || IPV4.matcher(host).matches() || host.equals(boundHost);
    }
}
