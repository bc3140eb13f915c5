package io.archforge.store.jdbc;

import io.archforge.storage.StorageException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * A store URL {@code postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?OPTIONS]}
 * translated for the PostgreSQL JDBC driver, which takes the user and password
 * as properties rather than in the URL.
 *
 * @param jdbcUrl the driver URL, {@code jdbc:postgresql://HOST:PORT/DATABASE?OPTIONS}
 * @param user the user, or empty for the driver's default
 * @param password the password, or empty
 * @param display the URL without the password, for messages and logs
 * @param server {@code HOST:PORT}, with the driver's default port 5432 when none is given
 */
record PostgresUrl(String jdbcUrl, String user, String password, String display,
        String server) {

    /** Seconds to wait for a server before the first connection fails. */
    static final int CONNECT_TIMEOUT_S = 10;

    private static final String FORM = "postgresql://USER@HOST:PORT/DATABASE";

    /** The port the PostgreSQL JDBC driver uses when the URL gives none. */
    private static final int DEFAULT_PORT = 5432;

    /**
     * Parses a {@code postgresql://} or {@code postgres://} URL.
     *
     * @throws StorageException naming the URL and the expected form
     */
    static PostgresUrl parse(String spec) {
        URI uri = toUri(spec);
        String host = uri.getHost();
        String path = uri.getRawPath();
        if (host == null || path == null || path.length() < 2) {
            throw invalid(spec, hostProblem(spec));
        }
        String authority = host + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbcUrl = "jdbc:postgresql://" + authority + path + query;
        String[] credentials = credentials(uri.getRawUserInfo());
        String userPart = credentials[0].isEmpty() ? "" : credentials[0] + "@";
        String display = "postgresql://" + userPart + authority + path;
        String server = host + ":" + (uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT);
        return new PostgresUrl(jdbcUrl, credentials[0], credentials[1], display, server);
    }

    /** Explains why no host and database could be read from {@code spec}. */
    private static String hostProblem(String spec) {
        int start = spec.indexOf("//") + 2;
        int slash = spec.indexOf('/', start);
        String authority = spec.substring(start, slash < 0 ? spec.length() : slash);
        if (authority.chars().filter(c -> c == '@').count() > 1) {
            return "the user or password contains '@': write it as %40";
        }
        if (authority.matches(".*:[^0-9@][^@]*") && !authority.contains("[")) {
            return "the port is not a number";
        }
        return "it needs a host and a database name";
    }

    private static URI toUri(String spec) {
        try {
            return new URI(spec);
        } catch (URISyntaxException e) {
            throw invalid(spec, e.getReason());
        }
    }

    /** Decodes the user and password of {@code USER:PASSWORD}, each possibly empty. */
    private static String[] credentials(String userInfo) {
        if (userInfo == null) {
            return new String[] {"", ""};
        }
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        String password = colon < 0 ? "" : userInfo.substring(colon + 1);
        return new String[] {decode(user), decode(password)};
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static StorageException invalid(String spec, String reason) {
        return new StorageException("invalid PostgreSQL URL '" + Storages.redact(spec) + "': "
                + reason
                + "; use the form " + FORM);
    }

    /** Returns the driver properties: user, password and a connect timeout. */
    Properties properties() {
        Properties properties = new Properties();
        if (!user.isEmpty()) {
            properties.setProperty("user", user);
        }
        // As in libpq, PGPASSWORD supplies a password the URL leaves out, so that it
        // need not appear on a command line.
        String effective = password.isEmpty() ? System.getenv().getOrDefault("PGPASSWORD", "")
                : password;
        if (!effective.isEmpty()) {
            properties.setProperty("password", effective);
        }
        properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_S));
        return properties;
    }

    @Override
    public String toString() {
        return display;
    }
}
