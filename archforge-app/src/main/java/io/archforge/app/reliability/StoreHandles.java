package io.archforge.app.reliability;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tells from {@code /proc/PID/fd} whether a process has opened its store: a descriptor of
 * the SQLite file (or its WAL or shared-memory file), or for a server store any socket.
 * This works on Linux only; elsewhere the result is empty.
 */
final class StoreHandles {

    private static final Path PROC = Path.of("/proc");

    private StoreHandles() {
    }

    /**
     * Returns whether process {@code pid} has the store open, or empty when its
     * descriptors cannot be read.
     *
     * @param sqliteFile the SQLite file, or empty for a store reached over a socket
     */
    static Optional<Boolean> opened(long pid, Optional<Path> sqliteFile) {
        Path descriptors = PROC.resolve(Long.toString(pid)).resolve("fd");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(descriptors)) {
            for (Path entry : entries) {
                if (isStore(entry, sqliteFile)) {
                    return Optional.of(true);
                }
            }
            return Optional.of(false);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static boolean isStore(Path descriptor, Optional<Path> sqliteFile) {
        String target;
        try {
            target = Files.readSymbolicLink(descriptor).toString();
        } catch (IOException e) {
            // The descriptor was closed while the list was read.
            return false;
        }
        return sqliteFile.map(file -> target.startsWith(file.toString()))
                .orElse(target.startsWith("socket:"));
    }
}
