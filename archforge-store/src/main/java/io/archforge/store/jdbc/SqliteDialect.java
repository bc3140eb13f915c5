package io.archforge.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite in WAL mode. Readers do not wait for the writer, and one writer at a
 * time holds the lock taken by {@code BEGIN IMMEDIATE}. Other writers wait for
 * that lock up to the busy timeout instead of failing with {@code SQLITE_BUSY}.
 */
final class SqliteDialect implements Dialect {

    /** How long a writer waits for another process's write lock, in milliseconds. */
    static final int BUSY_TIMEOUT_MS = 10_000;

    /** SQLite's primary result codes used below (the low byte of an extended code). */
    static final int SQLITE_BUSY = 5;
    static final int SQLITE_LOCKED = 6;

    private static final Logger LOG = LoggerFactory.getLogger(SqliteDialect.class);

    @Override
    public String name() {
        return "SQLite";
    }

    @Override
    public void configure(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // The timeout comes first, so that the switch to WAL also waits for other writers.
            statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            String mode = journalMode(statement);
            if (!mode.equals("wal")) {
                LOG.warn("SQLite kept journal mode '{}' instead of WAL; concurrent readers"
                        + " will wait for writers", mode);
            }
            // NORMAL with WAL: a power cut may lose the last commits, never corrupt the file.
            statement.execute("PRAGMA synchronous = NORMAL");
            statement.execute("PRAGMA foreign_keys = ON");
        }
    }

    private static String journalMode(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("PRAGMA journal_mode = WAL")) {
            return rows.next() ? rows.getString(1).toLowerCase(Locale.ROOT) : "unknown";
        }
    }

    @Override
    public void beginRead(Connection connection) throws SQLException {
        // A deferred transaction: in WAL mode its first read fixes the snapshot.
        execute(connection, "BEGIN DEFERRED");
    }

    @Override
    public void beginWrite(Connection connection) throws SQLException {
        // The connection stays in auto-commit mode, so the driver issues no BEGIN of its own.
        execute(connection, "BEGIN IMMEDIATE");
    }

    @Override
    public void commit(Connection connection) throws SQLException {
        execute(connection, "COMMIT");
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
        // SQLite may already have rolled back on its own, for example after SQLITE_FULL.
        if (inTransaction(connection)) {
            execute(connection, "ROLLBACK");
        }
    }

    private static boolean inTransaction(Connection connection) {
        // Without a public way to ask, a harmless nested BEGIN reveals an open transaction.
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN");
            statement.execute("ROLLBACK");
            return false;
        } catch (SQLException e) {
            return true;
        }
    }

    @Override
    public void lockSchema(Connection connection) {
        // BEGIN IMMEDIATE already excludes every other writer.
    }

    @Override
    public void lockStudy(Connection connection, long studyId) {
        // BEGIN IMMEDIATE already excludes every other writer.
    }

    @Override
    public String blobType() {
        return "BLOB";
    }

    @Override
    public String nowMillis() {
        return "CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)";
    }

    @Override
    public String forUpdate() {
        // SQLite has no row locks; BEGIN IMMEDIATE already excludes every other writer.
        return "";
    }

    @Override
    public String identityColumn() {
        return "id INTEGER PRIMARY KEY AUTOINCREMENT";
    }

    @Override
    public boolean isTransient(SQLException e) {
        int primary = e.getErrorCode() & 0xFF;
        return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
