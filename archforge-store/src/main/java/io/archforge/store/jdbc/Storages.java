package io.archforge.store.jdbc;

import io.archforge.storage.StorageException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens a store from its textual form, as given on the command line:
 * <ul>
 *   <li>{@code PATH} or {@code sqlite:PATH}: an SQLite file, created with its
 *       parent directories when missing; a leading {@code ~} is the user's home;
 *   <li>{@code postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE} (or
 *       {@code postgres://...}): a PostgreSQL database, whose tables are created
 *       on first use.
 * </ul>
 * Any other {@code NAME://} prefix, and any {@code NAME:} prefix of two or more
 * characters other than {@code sqlite:}, is an unknown store type and an error, so
 * that a URL of an unsupported database never becomes a local file name.
 */
public final class Storages {

    /** The store used when none is given: one SQLite file for every study of the user. */
    public static final String DEFAULT_LOCATION = "~/.archforge/studies.db";

    /** The accepted forms, for error messages. */
    public static final String FORMS = "PATH | sqlite:PATH | postgresql://USER@HOST:PORT/DB";

    /**
     * A URI scheme followed by a colon. A one-letter prefix without {@code //}, such as
     * a drive letter, is read as part of a path.
     */
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):(//)?");

    private Storages() {
    }

    /**
     * Opens the store {@code spec}.
     *
     * @throws StorageException with a one-line message naming the value and the fix, when the
     *     form is unknown, the path cannot hold a store, the file is not a store, or the store
     *     was written by a newer version
     */
    public static JdbcStorage open(String spec) {
        Optional<Path> file = sqliteFile(spec);
        return file.isPresent() ? openSqlite(file.get()) : openPostgres(spec.strip());
    }

    /**
     * Checks the form of {@code spec} without touching the file system or the network.
     *
     * @return the absolute SQLite file that {@code spec} names, or empty for a
     *     well-formed PostgreSQL URL
     * @throws StorageException naming the value and the accepted forms, when the form is
     *     unknown, the SQLite path is empty or invalid, or the PostgreSQL URL is malformed
     */
    public static Optional<Path> sqliteFile(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new StorageException("store location is empty: use " + FORMS);
        }
        String trimmed = spec.strip();
        Matcher scheme = SCHEME.matcher(trimmed);
        boolean found = scheme.find();
        boolean driveLetter = found && scheme.group(1).length() == 1 && scheme.group(2) == null;
        if (!found || driveLetter) {
            return Optional.of(sqlitePath(trimmed, trimmed));
        }
        return switch (scheme.group(1).toLowerCase(Locale.ROOT)) {
            case "sqlite" -> Optional.of(sqlitePath(trimmed,
                    trimmed.substring(scheme.group(1).length() + 1)));
            case "postgresql", "postgres" -> {
                PostgresUrl.parse(trimmed);
                yield Optional.empty();
            }
            default -> throw new StorageException("unknown store type '" + scheme.group(1)
                    + "' in '" + redact(trimmed) + "': use " + FORMS);
        };
    }

    /**
     * Returns a store location fit for messages and logs: a password in the user part
     * of a URL or after {@code password=} is replaced by {@code ***}.
     */
    public static String redact(String spec) {
        return redactUserPassword(spec).replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    /**
     * Replaces each {@code USER:PASSWORD@} password with {@code ***}. The rule applies to
     * every part between slashes, not only to the authority after {@code //}, so that a
     * malformed URL such as {@code postgresql:/nas:pw@host/db} hides its password too:
     * in each part that contains {@code @}, the text from the first colon to the last
     * {@code @} is replaced, which also hides a password that contains {@code @}. In an
     * authority without {@code @} or an IPv6 address, such as {@code //nas:pw/db}, a port
     * that is not a number is most likely a password written without the host, so the
     * text after the first colon is replaced too.
     * Index checks rather than a regular expression keep the time linear.
     */
    private static String redactUserPassword(String spec) {
        int authority = spec.contains("//") ? spec.indexOf("//") + 2 : -1;
        StringBuilder redacted = new StringBuilder(spec.length());
        int start = 0;
        while (start <= spec.length()) {
            int slash = spec.indexOf('/', start);
            int end = slash < 0 ? spec.length() : slash;
            String part = spec.substring(start, end);
            int at = part.lastIndexOf('@');
            int colon = part.indexOf(':');
            if (colon >= 0 && colon < at) {
                part = part.substring(0, colon + 1) + "***" + part.substring(at);
            } else if (start == authority && colon >= 0 && at < 0 && part.indexOf('[') < 0
                    && !isPort(part.substring(part.lastIndexOf(':') + 1))) {
                part = part.substring(0, colon + 1) + "***";
            }
            redacted.append(part);
            if (slash < 0) {
                break;
            }
            redacted.append('/');
            start = slash + 1;
        }
        return redacted.toString();
    }

    /** Returns whether {@code text}, up to any {@code ?} or {@code #}, is empty or digits. */
    private static boolean isPort(String text) {
        for (int i = 0; i < text.length() && "?#".indexOf(text.charAt(i)) < 0; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Opens (creating if needed) an SQLite store in {@code file}. */
    public static JdbcStorage openSqlite(Path file) {
        return SqliteFile.open(file);
    }

    private static Path sqlitePath(String spec, String path) {
        if (path.isEmpty()) {
            throw new StorageException("SQLite store path is empty in '" + spec
                    + "': use sqlite:PATH, for example sqlite:" + DEFAULT_LOCATION);
        }
        try {
            return Path.of(expandHome(path)).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            // Redacted, because a URL with a stray character in its scheme lands here.
            throw new StorageException("invalid SQLite store path '" + redact(path) + "' ("
                    + e.getReason() + "): choose another path", e);
        }
    }

    /**
     * Opens a PostgreSQL store from a {@code postgresql://} URL.
     *
     * @throws StoreUnreachableException when no server accepts a connection at the URL's host
     *     and port
     */
    public static JdbcStorage openPostgres(String url) {
        PostgresUrl parsed = PostgresUrl.parse(url);
        Database database = new Database(parsed.jdbcUrl(), parsed.properties(),
                new PostgresDialect(), parsed.display());
        try {
            return new JdbcStorage(database);
        } catch (StoreUnreachableException e) {
            throw new StoreUnreachableException("PostgreSQL server " + parsed.server()
                    + " is not reachable (" + e.reason() + "): start the server, or fix the"
                    + " host and port in " + parsed.display(), e.reason(), e.getCause());
        }
    }

    /** Replaces a leading {@code ~} with the user's home directory. */
    static String expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return System.getProperty("user.home") + path.substring(1);
        }
        return path;
    }
}
