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
     * of a URL or in a {@code password=} parameter is replaced by {@code ***}.
     */
    public static String redact(String spec) {
        return spec.replaceAll("//([^:/@]*):[^@/]*@", "//$1:***@")
                .replaceAll("(?i)([?&;]password=)[^&;]*", "$1***");
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
            throw new StorageException("invalid SQLite store path '" + path + "' ("
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
