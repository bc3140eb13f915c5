package io.archforge.app.setup;

import io.archforge.app.cli.UsageException;
import io.archforge.storage.Storage;
import io.archforge.storage.StorageException;
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

    /** Reads {@code --storage}; null means the default file under the home directory. */
    public static StorageLocation parse(String value) {
        String spec = value == null ? Storages.DEFAULT_LOCATION : value.strip();
        if (spec.isEmpty()) {
            throw new UsageException("--storage is empty: pass a file path, sqlite:PATH or "
                    + "postgresql://...");
        }
        if (spec.startsWith("postgresql:") || spec.startsWith("postgres:")) {
            return new StorageLocation(spec, Optional.empty());
        }
        String path = spec.startsWith(SQLITE_PREFIX)
                ? spec.substring(SQLITE_PREFIX.length())
                : spec;
        Path file = Path.of(expandHome(path)).toAbsolutePath().normalize();
        return new StorageLocation(SQLITE_PREFIX + file, Optional.of(file));
    }

    private static String expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return System.getProperty("user.home") + path.substring(1);
        }
        return path;
    }

    /** Returns whether the store exists: always true for PostgreSQL, which is checked on open. */
    public boolean exists() {
        return file.map(Files::isRegularFile).orElse(true);
    }

    /**
     * Checks that the SQLite file can be created or written, and creates its directory.
     *
     * @throws UsageException naming the path and the fix
     */
    public void requireWritable() {
        if (file.isEmpty()) {
            return;
        }
        Path path = file.get();
        if (Files.exists(path)) {
            if (!Files.isRegularFile(path) || !Files.isWritable(path)) {
                throw unwritable(path, "it is not a writable file");
            }
            return;
        }
        Path parent = path.getParent();
        Path existing = parent;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw unwritable(path, "its directory cannot be created or written");
        }
        try {
            Files.createDirectories(parent);
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
     * @throws UsageException when the store cannot be opened
     */
    public Storage open() {
        try {
            return Storages.open(spec);
        } catch (StorageException | IllegalArgumentException e) {
            throw new UsageException("cannot open storage '" + spec + "': " + e.getMessage()
                    + "; check the --storage value", e);
        }
    }

    @Override
    public String toString() {
        return file.map(Path::toString).orElse(spec);
    }
}
