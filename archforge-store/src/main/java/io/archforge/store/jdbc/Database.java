package io.archforge.store.jdbc;

import io.archforge.storage.StorageException;
import io.archforge.storage.StoreFullException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections to one store and the transactions run on them. Each call borrows
 * a connection from a small pool of idle ones, or opens a new one. Threads of
 * one process thus work in parallel as far as the database allows.
 *
 * <p>Transactions that fail with a transient error (a lock wait that timed out, a
 * serialization failure, a server out of connections) are rolled back and run again
 * after a jittered pause, until the {@link RetryPolicy}'s limit has passed. The work
 * passed in must therefore depend only on what it reads inside the transaction. Each
 * retry is logged at DEBUG, and closing logs one line with the count, if any.
 */
final class Database implements AutoCloseable {

    /** A unit of work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Idle connections kept open for reuse; more are opened on demand and then closed. */
    private static final int MAX_IDLE = 4;

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Transactions run again after a transient error, in this JVM since it started. */
    private static final AtomicLong RETRIES = new AtomicLong();

    private final String url;
    private final Properties properties;
    private final Dialect dialect;
    private final String location;
    private final RetryPolicy policy;
    private final RetryStats retryStats = new RetryStats();
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    /**
     * @param url the JDBC URL
     * @param properties driver properties, such as user and password
     * @param dialect the database's dialect
     * @param location the store as shown in messages, without secrets
     */
    Database(String url, Properties properties, Dialect dialect, String location) {
        this(url, properties, dialect, location, RetryPolicy.DEFAULT);
    }

    /** Creates the connections of a store that retries transient errors by {@code policy}. */
    Database(String url, Properties properties, Dialect dialect, String location,
            RetryPolicy policy) {
        this.url = url;
        this.properties = properties;
        this.dialect = dialect;
        this.location = location;
        this.policy = policy;
    }

    Dialect dialect() {
        return dialect;
    }

    String location() {
        return location;
    }

    /**
     * Runs {@code work} in a read-only transaction, so that its queries see one snapshot.
     *
     * @param action what the work does, for the error message, such as "read trials of study 'x'"
     */
    <T> T read(String action, Work<T> work) {
        return transaction(action, false, work);
    }

    /**
     * Runs {@code work} in a write transaction (see {@link Dialect#beginWrite}).
     *
     * @param action what the work does, for the error message
     */
    <T> T write(String action, Work<T> work) {
        return transaction(action, true, work);
    }

    private <T> T transaction(String action, boolean writes, Work<T> work) {
        long start = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                T result = withConnection(action, connection -> {
                    if (!writes) {
                        dialect.beginRead(connection);
                        return finish(connection, work);
                    }
                    dialect.beginWrite(connection);
                    T written = finish(connection, work);
                    dialect.afterWrite(connection, location);
                    return written;
                });
                if (attempt > 1) {
                    retryStats.record(attempt - 1, System.nanoTime() - start);
                }
                return result;
            } catch (TransientFailure failure) {
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                if (!policy.allowsRetryAfter(elapsed)) {
                    throw retryLimitReached(action, failure.getCause(), attempt, elapsed);
                }
                long pause = policy.pauseMillis(attempt, ThreadLocalRandom.current());
                RETRIES.incrementAndGet();
                LOG.debug("Retrying '{}' on {} in {} ms after a transient error (attempt {}): {}",
                        action, location, pause, attempt,
                        firstLine(failure.getCause().getMessage()));
                pause(pause);
            }
        }
    }

    /** Returns the error of a transaction whose transient errors outlasted the retry limit. */
    private StorageException retryLimitReached(String action, SQLException e, int attempts,
            Duration elapsed) {
        return new StorageException(dialect.name() + " store " + location + ": failed to "
                + action + " after " + attempts + " attempts in " + elapsed.toSeconds() + " s ("
                + firstLine(e.getMessage()) + "): " + dialect.retryLimitAdvice(e, location), e);
    }

    /** Transactions run again after a transient error, in this JVM since it started. */
    static long retries() {
        return RETRIES.get();
    }

    /** Returns the counts of this store's transactions that succeeded after retries. */
    RetryStats retryStats() {
        return retryStats;
    }

    private <T> T finish(Connection connection, Work<T> work) throws SQLException {
        boolean done = false;
        try {
            T result = work.run(connection);
            dialect.commit(connection);
            done = true;
            return result;
        } finally {
            if (!done) {
                rollbackQuietly(connection);
            }
        }
    }

    private <T> T withConnection(String action, Work<T> work) {
        Connection connection = acquire(action);
        boolean healthy = false;
        try {
            T result = work.run(connection);
            healthy = true;
            return result;
        } catch (SQLException e) {
            healthy = dialect.isTransient(e);
            if (healthy) {
                throw new TransientFailure(e);
            }
            throw failed(action, e);
        } catch (RuntimeException e) {
            // A rule broken by the caller, raised by the work after a clean rollback.
            healthy = true;
            throw e;
        } finally {
            release(connection, healthy);
        }
    }

    private Connection acquire(String action) {
        synchronized (idle) {
            if (closed) {
                throw new StorageException("store " + location + " is closed: cannot " + action
                        + "; open the store again");
            }
            Connection pooled = idle.pollFirst();
            if (pooled != null) {
                return pooled;
            }
        }
        return open();
    }

    /** Opens a new connection and applies the dialect's settings to it. */
    private Connection open() {
        try {
            Connection connection = DriverManager.getConnection(url, properties);
            try {
                dialect.configure(connection);
                return connection;
            } catch (SQLException e) {
                closeQuietly(connection);
                throw e;
            }
        } catch (SQLException e) {
            if (dialect.isTransient(e)) {
                // Such as a server at its connection limit: the transaction is tried again.
                throw new TransientFailure(e);
            }
            if (isConnectionFailure(e) && !isLoginFailure(e)) {
                throw new StoreUnreachableException(dialect.name() + " store " + location
                        + " is not reachable: " + firstLine(e.getMessage()),
                        firstLine(e.getMessage()), e);
            }
            if (isLoginFailure(e)) {
                throw new StorageException(dialect.name() + " store " + location
                        + " refused the login (" + firstLine(e.getMessage()) + "): fix the user "
                        + "name or password in the store URL, as in "
                        + "postgresql://USER:PASSWORD@HOST:PORT/DATABASE", e);
            }
            if ("3D000".equals(e.getSQLState())) {
                throw new StorageException(dialect.name() + " store " + location + " names a "
                        + "database the server does not have (" + firstLine(e.getMessage())
                        + "): create it with createdb, or fix the database name in the URL", e);
            }
            throw failed("open the store", e);
        }
    }

    /**
     * Returns whether {@code e} is a failed login: SQLSTATE class 28 (a wrong user name or
     * password), or a connection the server rejected for want of a password.
     */
    private static boolean isLoginFailure(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("28") || state.equals("08004")
                && String.valueOf(e.getMessage()).contains("password"));
    }

    /** Returns whether {@code e} is in SQLSTATE class 08, connection exception. */
    private static boolean isConnectionFailure(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08");
    }

    private void release(Connection connection, boolean healthy) {
        synchronized (idle) {
            if (healthy && !closed && idle.size() < MAX_IDLE) {
                idle.addFirst(connection);
                return;
            }
        }
        closeQuietly(connection);
    }

    private void rollbackQuietly(Connection connection) {
        try {
            dialect.rollback(connection);
        } catch (SQLException e) {
            LOG.warn("Rollback on {} failed: {}", location, e.getMessage());
        }
    }

    private void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing a connection to {} failed: {}", location, e.getMessage());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting to retry a write", e);
        }
    }

    /**
     * Wraps a driver error in a one-line message naming the store and the action; a full
     * disk becomes a {@link StoreFullException} (see {@link DiskFull}).
     */
    StorageException failed(String action, SQLException e) {
        Optional<StoreFullException> full = DiskFull.translate(dialect, location, action, e);
        if (full.isPresent()) {
            return full.get();
        }
        return new StorageException(dialect.name() + " store " + location + ": failed to "
                + action + ": " + firstLine(e.getMessage()), e);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /**
     * Closes the idle connections, and logs how many transactions ran again after transient
     * errors, if any. Connections in use are closed when they are returned.
     */
    @Override
    public void close() {
        synchronized (idle) {
            if (closed) {
                return;
            }
            closed = true;
            idle.forEach(this::closeQuietly);
            idle.clear();
        }
        if (retryStats.transactions() > 0) {
            LOG.info("Store {}: {} transactions were retried after transient errors, {} retries"
                    + " in all; the longest took {} ms", location, retryStats.transactions(),
                    retryStats.retries(), retryStats.longestMillis());
        }
    }

    /** A transient SQL failure on its way to the retry loop. */
    private static final class TransientFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TransientFailure(SQLException cause) {
            super(cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
