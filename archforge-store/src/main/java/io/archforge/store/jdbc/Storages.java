package io.archforge.store.jdbc;

import io.archforge.storage.StorageException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
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
 */
public final class Storages {

    /** The store used when none is given: one SQLite file for every study of the user. */
    public static final String DEFAULT_LOCATION = "~/.archforge/studies.db";

    /** The accepted forms, for error messages. */
    public static final String FORMS =
            "PATH, sqlite:PATH or postgresql://USER@HOST:PORT/DATABASE";

    /** A URI scheme: two or more characters, so that a drive letter such as C: is a path. */
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");

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
        if (spec == null || spec.isBlank()) {
            throw new StorageException("store location is empty: use " + FORMS);
        }
        String trimmed = spec.strip();
        Matcher scheme = SCHEME.matcher(trimmed);
        if (!scheme.find()) {
            return openSqlite(expandHome(trimmed));
        }
        return switch (scheme.group(1).toLowerCase(Locale.ROOT)) {
            case "sqlite" -> openSqlite(expandHome(trimmed.substring(scheme.end())));
            case "postgresql", "postgres" -> openPostgres(trimmed);
            default -> throw new StorageException("unknown store type '" + scheme.group(1)
                    + "' in '" + trimmed + "': use " + FORMS);
        };
    }

    /** Opens (creating if needed) an SQLite store in {@code file}. */
    public static JdbcStorage openSqlite(Path file) {
        return SqliteFile.open(file);
    }

    private static JdbcStorage openSqlite(String path) {
        if (path.isEmpty()) {
            throw new StorageException("SQLite store path is empty: use sqlite:PATH, for"
                    + " example sqlite:" + DEFAULT_LOCATION);
        }
        try {
            return openSqlite(Path.of(path));
        } catch (InvalidPathException e) {
            throw new StorageException("invalid SQLite store path '" + path + "' ("
                    + e.getReason() + "): choose another path", e);
        }
    }

    /** Opens a PostgreSQL store from a {@code postgresql://} URL. */
    public static JdbcStorage openPostgres(String url) {
        PostgresUrl parsed = PostgresUrl.parse(url);
        Database database = new Database(parsed.jdbcUrl(), parsed.properties(),
                new PostgresDialect(), parsed.display());
        return new JdbcStorage(database);
    }

    /** Replaces a leading {@code ~} with the user's home directory. */
    static String expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return System.getProperty("user.home") + path.substring(1);
        }
        return path;
    }
}
