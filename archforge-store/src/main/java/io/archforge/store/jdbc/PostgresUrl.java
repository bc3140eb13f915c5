package io.archforge.store.jdbc;

import io.archforge.storage.StorageException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.postgresql.Driver;

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

    /** The largest TCP port. */
    private static final int MAX_PORT = 65_535;

    /**
     * The driver options, in lower case, that name a class for the driver to load or a
     * file for it to write. A URL in a shared configuration file must not run code.
     */
    private static final Set<String> CLASS_OPTIONS = Set.of(
            "socketfactory", "socketfactoryarg", "sslfactory", "sslfactoryarg",
            "sslhostnameverifier", "sslpasswordcallback", "authenticationpluginclassname",
            "loggerfile");

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
        if (uri.getPort() == 0 || uri.getPort() > MAX_PORT) {
            throw invalid(spec, "the port " + uri.getPort() + " is not between 1 and "
                    + MAX_PORT);
        }
        if (path.indexOf('/', 1) >= 0) {
            throw invalid(spec, "the database name '" + Storages.redact(path.substring(1))
                    + "' contains '/'; write %2F for a '/' in the name");
        }
        String authority = host + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbcUrl = "jdbc:postgresql://" + authority + path + query;
        requireSameServer(spec, "jdbc:postgresql://" + authority + path, jdbcUrl);
        String[] credentials = credentials(uri.getRawUserInfo());
        String userPart = credentials[0].isEmpty() ? "" : credentials[0] + "@";
        // Redacted too, because a database name can hold a password option when the '?'
        // before the options is missing.
        String display = Storages.redact("postgresql://" + userPart + authority + path);
        String server = host + ":" + (uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT);
        return new PostgresUrl(jdbcUrl, credentials[0], credentials[1], display, server);
    }

    /**
     * Checks that the driver reads the URL, and that no option in its query, such as
     * {@code host=} or {@code PGPORT=}, moves it to another server or database than the
     * one the URL names and the messages show.
     */
    private static void requireSameServer(String spec, String withoutQuery, String jdbcUrl) {
        Properties named = Driver.parseURL(withoutQuery, null);
        Properties used = Driver.parseURL(jdbcUrl, null);
        if (named == null || used == null) {
            throw invalid(spec, "the PostgreSQL driver cannot read it; check the database name"
                    + " and the options after '?'");
        }
        for (String key : List.of("PGHOST", "PGPORT", "PGDBNAME")) {
            if (!Objects.equals(named.getProperty(key), used.getProperty(key))) {
                throw invalid(spec, "an option after '?' changes " + key + " from '"
                        + named.getProperty(key) + "' to '" + used.getProperty(key)
                        + "'; write the host, port and database before the '?'");
            }
        }
        for (String key : used.stringPropertyNames()) {
            if (CLASS_OPTIONS.contains(key.toLowerCase(Locale.ROOT))) {
                throw invalid(spec, "the option '" + key + "' makes the driver load a class "
                        + "or write a file, which a store URL may not do; remove it");
            }
        }
    }

    /** Explains why no host and database could be read from {@code spec}. */
    private static String hostProblem(String spec) {
        if (!spec.contains("//")) {
            return "it needs '//' before the host";
        }
        int start = spec.indexOf("//") + 2;
        int slash = spec.indexOf('/', start);
        String authority = spec.substring(start, slash < 0 ? spec.length() : slash);
        if (authority.chars().filter(c -> c == '@').count() > 1) {
            return "the user or password contains '@': write it as %40";
        }
        // Index checks rather than a regular expression, whose backtracking time grows
        // with the square of the number of colons.
        int colon = authority.lastIndexOf(':');
        if (colon > authority.lastIndexOf('@') && !authority.contains("[")) {
            String port = authority.substring(colon + 1);
            if (!port.isEmpty() && !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return "the port is not a number (a password goes before '@HOST')";
            }
            boolean inRange = !port.isEmpty() && port.length() <= 5
                    && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= MAX_PORT;
            if (!port.isEmpty() && !inRange) {
                return "the port " + port + " is not between 1 and " + MAX_PORT;
            }
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

    /**
     * Decodes the %-escapes of a user or password. URLDecoder also reads {@code +} as a
     * space, as HTML forms write it, but in a URL's user part {@code +} is itself.
     */
    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
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
