package io.archforge.torch.nb201;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The NASLib zero-cost table of 725 NAS-Bench-201 cells per data set, {@code
 * nb201_zc_725.csv}, read from the NAS-Bench-201 data folder beside the project
 * directory or from the directory in the system property {@code
 * archforge.nb201.source}. Tests that need it are skipped when it is absent.
 */
public final class ZeroCostTableFile {

    private static final String FILE = "nb201_zc_725.csv";

    private ZeroCostTableFile() {
    }

    /** Returns the rows of {@code dataset}, each as a column-to-value map. */
    public static List<Map<String, String>> rows(String dataset) throws IOException {
        Path directory = Path.of(System.getProperty("archforge.nb201.source", Path.of(
                System.getProperty("archforge.project.dir", "."), "..", "shared", "data",
                "nb201").normalize().toString()));
        Path file = directory.resolve(FILE);
        assumeTrue(Files.isRegularFile(file), () -> "assumes the NAS-Bench-201 zero-cost"
                + " table " + file + " exists; set -Darchforge.nb201.source=DIR");
        List<String> lines = Files.readAllLines(file);
        List<String> header = split(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = split(line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            if (row.get("dataset").equals(dataset)) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
