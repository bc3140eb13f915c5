package io.archforge.store.jdbc;

import io.archforge.storage.StorageException;
import io.archforge.storage.StoreFullException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.sqlite.SQLiteConfig;

/**
 * Checks an SQLite store path before the driver opens it, and turns the
 * driver's errors about the file into messages that name the path and the fix.
 */
final class SqliteFile {

    /** SQLite primary result codes about the file itself. */
    private static final int SQLITE_PERM = 3;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    private SqliteFile() {
    }

    /**
     * Opens (creating if needed) the store in {@code file}.
     *
     * @throws StorageException when the path cannot hold a store or the file is not one
     */
    static JdbcStorage open(Path file) {
        return open(file, new Properties());
    }

    /**
     * Opens the store in {@code file} with extra properties for the SQLite driver on
     * every connection, such as the pragma {@code max_page_count}, which tests use to
     * make a store full.
     *
     * @throws StorageException when the path cannot hold a store or the file is not one
     */
    static JdbcStorage open(Path file, Properties driverProperties) {
        Path path = file.toAbsolutePath().normalize();
        prepare(path);
        requireNotForeign(path);
        Database database = new Database("jdbc:sqlite:" + path, driverProperties,
                new SqliteDialect(), path.toString());
        try {
            return new JdbcStorage(database);
        } catch (StorageException e) {
            throw explain(path, e);
        }
    }

    /** Rejects paths that cannot hold a store and creates missing parent directories. */
    private static void prepare(Path path) {
        if (path.toString().contains("?")) {
            throw new StorageException("SQLite store path '" + path + "' contains '?', which"
                    + " the SQLite driver reads as the start of its options: rename the file");
        }
        if (Files.isDirectory(path)) {
            throw new StorageException("SQLite store path '" + path + "' is a directory: give"
                    + " a file path, such as " + path.resolve("studies.db"));
        }
        Path parent = path.getParent();
        if (Files.exists(parent) && !Files.isDirectory(parent)) {
            throw new StorageException("cannot create SQLite store '" + path + "': '" + parent
                    + "' is a file, not a directory; choose another path");
        }
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StorageException("cannot create directory '" + parent + "' for SQLite"
                    + " store '" + path + "' (" + describe(e) + "): choose a writable location",
                    e);
        }
        if (!Files.isWritable(parent)) {
            throw new StorageException("directory '" + parent + "' is not writable, but SQLite"
                    + " store '" + path + "' needs to create its journal files there: choose a"
                    + " writable location");
        }
        if (Files.exists(path) && !Files.isWritable(path)) {
            throw new StorageException("SQLite store '" + path + "' is read-only: make it"
                    + " writable, or copy it to a writable location");
        }
    }

    /**
     * Rejects an existing SQLite file of another application before the store's own
     * connection changes anything in it, such as its journal mode. The check reads the
     * file through a read-only connection; a file that is not a database is left to the
     * driver, whose error {@link #explain} turns into a message.
     */
    private static void requireNotForeign(Path path) {
        try {
            if (!Files.isRegularFile(path) || Files.size(path) == 0) {
                return;
            }
        } catch (IOException e) {
            return;
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        List<String> tables = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + path,
                config.toProperties());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        } catch (SQLException e) {
            return;
        }
        if (!tables.isEmpty() && !tables.contains("schema_version")) {
            throw new StorageException("store " + path + " is an SQLite database of another "
                    + "application (tables " + tables + "), not an Archforge store; choose "
                    + "another --storage file");
        }
    }

    /** Describes a file system error, whose reason is often missing. */
    private static String describe(IOException e) {
        if (e instanceof FileSystemException failure && failure.getReason() != null) {
            return failure.getReason();
        }
        return e.getClass().getSimpleName() + " on " + e.getMessage();
    }

    /**
     * Rewords the driver's error about the file, keeping other errors, a full disk among
     * them, as they are.
     */
    private static StorageException explain(Path path, StorageException e) {
        if (e instanceof StoreFullException || !(e.getCause() instanceof SQLException cause)) {
            return e;
        }
        String reason = cause.getMessage() == null ? "" : cause.getMessage().lines()
                .findFirst().orElse("");
        return switch (cause.getErrorCode() & 0xFF) {
            case SQLITE_NOTADB, SQLITE_CORRUPT -> new StorageException("file '" + path
                    + "' is not an SQLite database or is corrupt (" + reason + "): move it"
                    + " aside, or choose another path", cause);
            case SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_READONLY, SQLITE_IOERR ->
                    new StorageException("cannot write SQLite store '" + path + "' (" + reason
                            + "): check the permissions and free space, or choose another"
                            + " path", cause);
            default -> e;
        };
    }
}
