package io.archforge.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The few places where SQLite and PostgreSQL differ: session settings, how a
 * write transaction takes its locks, identity columns and retryable errors.
 * Everything else in this package is SQL that both databases run unchanged.
 */
sealed interface Dialect permits SqliteDialect, PostgresDialect {

    /** The database name, for messages. */
    String name();

    /** Applies per-connection settings right after a connection is opened. */
    void configure(Connection connection) throws SQLException;

    /** Starts a read-only transaction whose queries all see one snapshot of the store. */
    void beginRead(Connection connection) throws SQLException;

    /**
     * Starts a transaction that will write. SQLite takes the store's write lock
     * here, so no other connection writes until this one ends. PostgreSQL takes
     * row locks later, through {@link #lockStudy}, {@link #lockSchema} and
     * {@link #forUpdate}.
     */
    void beginWrite(Connection connection) throws SQLException;

    /** Commits the transaction started by {@link #beginRead} or {@link #beginWrite}. */
    void commit(Connection connection) throws SQLException;

    /**
     * Does upkeep after a write transaction committed on {@code connection}, such as
     * keeping a write-ahead log small. Failures are logged and not raised, because the
     * write succeeded.
     *
     * @param location the store as shown in messages: the file path for SQLite
     */
    default void afterWrite(Connection connection, String location) {
    }

    /** Rolls back the open transaction, if any. */
    void rollback(Connection connection) throws SQLException;

    /**
     * Serialises schema migrations between processes; called inside a write
     * transaction before the schema version is read.
     */
    void lockSchema(Connection connection) throws SQLException;

    /**
     * Serialises trial numbering within one study; called inside a write
     * transaction before the highest trial number is read.
     */
    void lockStudy(Connection connection, long studyId) throws SQLException;

    /** Returns the column definition of an integer primary key that the database fills in. */
    String identityColumn();

    /** Returns the column type of a 64-bit float. */
    default String doubleType() {
        return "DOUBLE PRECISION";
    }

    /** Returns the column type of a byte string. */
    String blobType();

    /**
     * Returns an SQL expression for the database server's clock in epoch milliseconds,
     * so that heartbeats written by workers on several hosts share one clock.
     */
    String nowMillis();

    /**
     * Returns an insert of a trial metric that overwrites an earlier value of the
     * same name. SQLite (since 3.24) and PostgreSQL (since 9.5) share this syntax.
     */
    default String upsertMetric() {
        return "INSERT INTO trial_metrics (trial_id, name, value) VALUES (?, ?, ?)"
                + " ON CONFLICT (trial_id, name) DO UPDATE SET value = excluded.value";
    }

    /**
     * Returns the clause that locks the rows a query selects until the transaction
     * ends, or an empty string where {@link #beginWrite} already locks the store.
     */
    String forUpdate();

    /**
     * Returns whether the failed transaction, or the failed attempt to connect, may
     * succeed when run again, such as after a lock conflict with another worker.
     */
    boolean isTransient(SQLException e);

    /**
     * Returns what to do when transactions kept failing with the transient error
     * {@code e} until the retry limit passed, for the end of the error message.
     *
     * @param location the store as shown in messages
     */
    String retryLimitAdvice(SQLException e, String location);
}
