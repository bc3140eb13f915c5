package io.archforge.web.server;

/** The dashboard could not listen because another process uses its port. */
public final class PortInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String host;
    private final int port;

    public PortInUseException(String host, int port, Throwable cause) {
        super("port " + port + " on " + host + " is already in use", cause);
        this.host = host;
        this.port = port;
    }

    /** Returns the address the dashboard tried to bind. */
    public String host() {
        return host;
    }

    /** Returns the port that another process uses. */
    public int port() {
        return port;
    }
}
