package io.archforge.app.setup;

import io.archforge.app.cli.UsageException;
import io.archforge.storage.StorageException;
import io.archforge.storage.StoreFullException;
import io.archforge.store.jdbc.JdbcStorage;
import io.archforge.store.jdbc.StoreUnreachableException;
import io.archforge.store.jdbc.Storages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code --storage} value: a SQLite file ({@code PATH} or {@code sqlite:PATH}) or a
 * PostgreSQL URL ({@code postgresql://...}). Checks it before anything is written, so
 * bad input never leaves a half-made store behind.
 *
 * @param spec the value as {@link Storages#open} reads it
 * @param file the SQLite file, or empty for PostgreSQL
 */
public record StorageLocation(String spec, Optional<Path> file) {

    private static final String SQLITE_PREFIX = "sqlite:";

    /**
     * Reads {@code --storage}; null means the default file under the home directory.
     *
     * @throws UsageException when the value has no known form, such as {@code mysql://...}
     *     or an empty {@code sqlite:}
     */
    public static StorageLocation parse(String value) {
        String spec = value == null ? Storages.DEFAULT_LOCATION : value.strip();
        if (spec.isEmpty()) {
            throw new UsageException("--storage is empty: use " + Storages.FORMS);
        }
        Optional<Path> file;
        try {
            file = Storages.sqliteFile(spec);
        } catch (StorageException e) {
            throw new UsageException("invalid --storage: " + e.getMessage(), e);
        }
        return file.isEmpty()
                ? new StorageLocation(spec, file)
                : new StorageLocation(SQLITE_PREFIX + file.get(), file);
    }

    /** Returns whether the store exists: always true for PostgreSQL, which is checked on open. */
    public boolean exists() {
        return file.map(Files::isRegularFile).orElse(true);
    }

    /**
     * Checks that the SQLite path is a file or could become one, leaving nothing behind. The read-only commands call this, so a directory or a path under /proc is an
     * error there too, while a missing file in a usable directory is an empty store.
     *
     * @throws UsageException naming the path and the fix
     */
    public void requireUsable() {
        if (file.isEmpty()) {
            return;
        }
        Path path = file.get();
        if (Files.isDirectory(path)) {
            throw unwritable(path, "it is a directory");
        }
        if (Files.exists(path)) {
            if (!Files.isRegularFile(path) || !Files.isWritable(path)) {
                throw unwritable(path, "it is not a writable file");
            }
            return;
        }
        Path existing = path.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !canCreateFileIn(existing)) {
            throw unwritable(path, "its directory cannot be created or written");
        }
    }

    /**
     * Creates and deletes an empty file in {@code directory}. Permission bits alone do not
     * tell, because root passes them on read-only mounts and on /proc.
     */
    private static boolean canCreateFileIn(Path directory) {
        if (!Files.isWritable(directory)) {
            return false;
        }
        try {
            Files.delete(Files.createTempFile(directory, ".archforge-probe-", ".tmp"));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Checks that the SQLite file can be created or written, and creates its directory.
     *
     * @throws UsageException naming the path and the fix
     */
    public void requireWritable() {
        requireUsable();
        if (file.isEmpty()) {
            return;
        }
        Path path = file.get();
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw unwritable(path, "creating its directory failed (" + e.getMessage() + ")");
        }
    }

    private static UsageException unwritable(Path path, String reason) {
        return new UsageException("storage path '" + path + "' is unwritable: " + reason
                + "; pass a writable file path with --storage");
    }

    /**
     * Opens the store, creating the SQLite file when needed.
     *
     * @throws StoreUnreachableException when the PostgreSQL server is not reachable, a
     *     failure of the environment rather than of the input
     * @throws StoreFullException when the disk that contains the store is full, also a
     *     failure of the environment
     * @throws UsageException when the store cannot be opened for another reason
     */
    public JdbcStorage open() {
        try {
            return Storages.open(spec);
        } catch (StoreUnreachableException | StoreFullException e) {
            throw e;
        } catch (StorageException | IllegalArgumentException e) {
            throw new UsageException("cannot open storage '" + this + "': " + e.getMessage()
                    + "; check the --storage value", e);
        }
    }

    /** The location as a path or URL, with any password in a URL left out. */
    @Override
    public String toString() {
        return file.map(Path::toString).orElse(Storages.redact(spec));
    }
}
