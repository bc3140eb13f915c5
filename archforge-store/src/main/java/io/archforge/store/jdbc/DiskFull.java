package io.archforge.store.jdbc;

import io.archforge.storage.StoreFullException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises the driver errors of a full disk and turns them into a
 * {@link StoreFullException}.
 *
 * <ul>
 *   <li>SQLite: {@code SQLITE_FULL}, and {@code SQLITE_IOERR} or {@code SQLITE_CANTOPEN}
 *       while the directory of the store file has less than {@value #NEARLY_FULL_BYTES}
 *       bytes free. SQLite reports a write that failed with {@code ENOSPC} as
 *       {@code SQLITE_FULL}, but a failure to grow its shared-memory file, among others,
 *       as an I/O error that carries no {@code errno}, so the free space decides.
 *   <li>PostgreSQL: SQLSTATE {@code 53100} (disk_full), and any other state of class 53
 *       (insufficient resources) whose message contains "No space left on device".
 * </ul>
 */
final class DiskFull {

    /** Free bytes below which an I/O error of SQLite counts as a full disk. */
    static final long NEARLY_FULL_BYTES = 4L * 1024 * 1024;

    /** SQLite primary result codes (the low byte of an extended code). */
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;

    private static final String POSTGRES_DISK_FULL = "53100";

    private DiskFull() {
    }

    /**
     * Returns the exception for {@code e} when it reports a full disk, or empty otherwise.
     *
     * @param location the store as shown in messages: the file path for SQLite
     * @param action what failed, such as "finish trial 3 of study 'x'"
     */
    static Optional<StoreFullException> translate(Dialect dialect, String location,
            String action, SQLException e) {
        String reason = firstLine(e.getMessage());
        if (dialect instanceof SqliteDialect) {
            if (!isSqliteDiskFull(e, location)) {
                return Optional.empty();
            }
            return Optional.of(new StoreFullException(location, "the disk holding " + location
                    + " is full (SQLite: " + reason + ", while trying to " + action + "): free "
                    + "space, then resume with the same command", e));
        }
        if (!isPostgresDiskFull(e)) {
            return Optional.empty();
        }
        return Optional.of(new StoreFullException(location, "the disk of PostgreSQL store "
                + location + " is full (server: " + reason + ", while trying to " + action
                + "): free space on the database server, then resume with the same command",
                e));
    }

    private static boolean isSqliteDiskFull(SQLException e, String location) {
        int primary = e.getErrorCode() & 0xFF;
        if (primary == SQLITE_FULL) {
            return true;
        }
        return (primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN)
                && freeBytes(location) < NEARLY_FULL_BYTES;
    }

    private static boolean isPostgresDiskFull(SQLException e) {
        String state = e.getSQLState();
        if (POSTGRES_DISK_FULL.equals(state)) {
            return true;
        }
        return state != null && state.startsWith("53") && String.valueOf(e.getMessage())
                .toLowerCase(Locale.ROOT).contains("no space left on device");
    }

    /** Returns the usable bytes of the file system that contains the store file. */
    private static long freeBytes(String location) {
        try {
            Path directory = Path.of(location).toAbsolutePath().getParent();
            return Files.getFileStore(directory).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
