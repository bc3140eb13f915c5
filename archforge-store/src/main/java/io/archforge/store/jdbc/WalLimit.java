package io.archforge.store.jdbc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the write-ahead log of an SQLite store from growing without bound. SQLite's
 * automatic checkpoint copies the log into the database file, but starts the log over
 * only at a moment when no reader uses it. With dozens of worker processes reading in
 * turn, some reader always does: SQLite's WAL documentation calls this checkpoint
 * starvation. The log then grows with every write, and reads slow down as they search
 * it.
 *
 * <p>After a write, once the log has passed a limit ({@value #LIMIT_BYTES} bytes by
 * default), a TRUNCATE checkpoint waits for the readers of old snapshots, copies the log
 * into the database and empties it. Each open store tries at most once per
 * {@link #MIN_INTERVAL}, so that the workers do not queue for the same checkpoint.
 */
final class WalLimit {

    /** The default log size in bytes above which a write ends with a TRUNCATE checkpoint. */
    static final long LIMIT_BYTES = 16L * 1024 * 1024;

    /** The shortest time between two checkpoints of one process. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(WalLimit.class);

    private final long limitBytes;
    private final AtomicLong nextCheck = new AtomicLong(System.nanoTime());

    /** @param limitBytes the log size above which a write ends with a checkpoint */
    WalLimit(long limitBytes) {
        this.limitBytes = limitBytes;
    }

    /**
     * Checkpoints the store in {@code file} through {@code connection} when its log has
     * passed the limit. Failures are logged and not raised, because the write before
     * succeeded; a later write tries again.
     *
     * @param connection a connection to the store outside any transaction
     */
    void afterWrite(Connection connection, Path file) {
        long now = System.nanoTime();
        long next = nextCheck.get();
        if (now - next < 0 || logBytes(file) < limitBytes
                || !nextCheck.compareAndSet(next, now + MIN_INTERVAL.toNanos())) {
            return;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            rows.next();
            // One row: 1 when a reader or writer kept the checkpoint from finishing, the
            // frames in the log, and the frames copied into the database.
            LOG.debug("Checkpoint of {}: {} of {} log frames copied{}", file, rows.getInt(3),
                    rows.getInt(2), rows.getInt(1) == 1 ? ", stopped by a busy reader" : "");
        } catch (SQLException e) {
            LOG.debug("Checkpoint of {} failed, to be tried after a later write: {}", file,
                    e.getMessage());
        }
    }

    /** Returns the size of the log of {@code file}, or 0 when it has none. */
    private static long logBytes(Path file) {
        Path log = file.resolveSibling(file.getFileName() + "-wal");
        try {
            return Files.size(log);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            LOG.debug("Cannot read the size of {}: {}", log, e.getMessage());
            return 0;
        }
    }
}
