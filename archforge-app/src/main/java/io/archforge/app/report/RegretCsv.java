package io.archforge.app.report;

import io.archforge.benchmarks.RegretRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes regret benchmark rows as CSV with the header {@link RegretRow#CSV_HEADER}. */
public final class RegretCsv {

    private RegretCsv() {
    }

    /**
     * Writes {@code rows} to {@code file}, replacing it.
     *
     * @throws IOException when the file cannot be written
     */
    public static void write(List<RegretRow> rows, Path file) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(RegretRow.CSV_HEADER);
            writer.newLine();
            for (RegretRow row : rows) {
                writer.write(row.toCsv());
                writer.newLine();
            }
        }
    }
}
