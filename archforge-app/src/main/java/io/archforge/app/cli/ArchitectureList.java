package io.archforge.app.cli;

import io.archforge.space.Architecture;
import io.archforge.space.ArchitectureFormatException;
import io.archforge.space.CellSpace;
import io.archforge.space.SearchSpace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a file of architecture strings, one per line; blank lines and lines whose
 * first non-blank character is {@code #} are skipped.
 */
public final class ArchitectureList {

    private ArchitectureList() {
    }

    /**
     * Reads and parses every line before any work starts.
     *
     * @throws UsageException naming the path when the file is missing or unreadable, or
     *     the line number and text of the first malformed line
     */
    public static List<Architecture> read(Path file) {
        return read(file, CellSpace.nb201());
    }

    /**
     * Reads and parses every line as an architecture of {@code space} before any work
     * starts.
     *
     * @throws UsageException naming the path when the file is missing or unreadable, or
     *     the line number and text of the first malformed line
     */
    public static List<Architecture> read(Path file, SearchSpace space) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("architectures file " + file + " not found; pass a file"
                    + " with one " + space.name() + " architecture string per line");
        } catch (IOException e) {
            throw new UsageException("cannot read architectures file " + file + ": "
                    + e.getMessage(), e);
        }
        List<Architecture> architectures = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            try {
                architectures.add(space.parse(text));
            } catch (ArchitectureFormatException e) {
                throw new UsageException(file + " line " + (i + 1) + ": '" + text
                        + "' is not an architecture of space " + space.name() + ": "
                        + e.getMessage(), e);
            }
        }
        if (architectures.isEmpty()) {
            throw new UsageException("architectures file " + file
                    + " has no architecture lines");
        }
        return List.copyOf(architectures);
    }
}
