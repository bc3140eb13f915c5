package io.archforge.store.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.BusyHandler;

/**
 * SQLite in WAL mode. Readers do not wait for the writer, and one writer at a
 * time holds the lock taken by {@code BEGIN IMMEDIATE}. Other writers wait for
 * that lock in {@link SqliteBusyWait} instead of failing with {@code SQLITE_BUSY}.
 * Because every write transaction takes the lock at its start, none fails with
 * {@code SQLITE_BUSY_SNAPSHOT}, which a read transaction that later writes can meet.
 */
final class SqliteDialect implements Dialect {

    /** How long a statement waits for another process's lock by default. */
    static final Duration DEFAULT_BUSY_WAIT = Duration.ofSeconds(10);

    /** SQLite's primary result codes used below (the low byte of an extended code). */
    static final int SQLITE_BUSY = 5;
    static final int SQLITE_LOCKED = 6;
    static final int SQLITE_CONSTRAINT = 19;

    private static final Logger LOG = LoggerFactory.getLogger(SqliteDialect.class);

    private final Duration busyWait;
    private final WalLimit walLimit;

    /**
     * Creates the dialect with the default wait for locks, {@link #DEFAULT_BUSY_WAIT}, and
     * the default limit of the write-ahead log, {@link WalLimit#LIMIT_BYTES}.
     */
    SqliteDialect() {
        this(DEFAULT_BUSY_WAIT, WalLimit.LIMIT_BYTES);
    }

    /**
     * @param busyWait how long one statement waits for another connection's lock
     * @param walLimitBytes the size of the write-ahead log above which a write ends with a
     *     checkpoint that empties it
     */
    SqliteDialect(Duration busyWait, long walLimitBytes) {
        this.busyWait = busyWait;
        this.walLimit = new WalLimit(walLimitBytes);
    }

    @Override
    public String name() {
        return "SQLite";
    }

    @Override
    public void configure(Connection connection) throws SQLException {
        // The handler comes first, so that the switch to WAL also waits for other writers.
        // It replaces the driver's busy timeout; a later busy_timeout pragma would undo it.
        BusyHandler.setHandler(connection, new SqliteBusyWait(busyWait));
        try (Statement statement = connection.createStatement()) {
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
    public void afterWrite(Connection connection, String location) {
        walLimit.afterWrite(connection, Path.of(location));
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

    /**
     * Returns whether {@code e} is a lock held by another connection, or a trial number
     * taken by another writer. The write lock makes the second impossible, so its retry
     * is only a safeguard that reads the next free number again.
     */
    @Override
    public boolean isTransient(SQLException e) {
        int primary = e.getErrorCode() & 0xFF;
        return primary == SQLITE_BUSY || primary == SQLITE_LOCKED
                || primary == SQLITE_CONSTRAINT && String.valueOf(e.getMessage())
                        .contains("trials.study_id, trials.number");
    }

    @Override
    public String retryLimitAdvice(SQLException e, String location) {
        return "another process held the lock of " + location + " all that time, such as an"
                + " sqlite3 shell with an open transaction or a stopped worker: end or resume"
                + " it ('fuser " + location + "' lists the processes that have the file open),"
                + " then run again; on a network file system, move the store to a local disk"
                + " or use PostgreSQL";
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
