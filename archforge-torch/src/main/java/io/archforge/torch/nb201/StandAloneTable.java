package io.archforge.torch.nb201;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stand-alone accuracies of NAS-Bench-201 cells, one CSV row per trained cell: the
 * ground truth that weight-sharing rankings are scored against.
 *
 * <p>Lines starting with {@code #} describe how the file was produced. The header is
 * {@value #HEADER}. The {@code accuracy} column is validation accuracy in percent,
 * {@code seconds} the training time and {@code params} millions of parameters. Rows are
 * appended and written one at a time, so a run that is stopped keeps every finished cell.
 */
public final class StandAloneTable {

    /** The CSV header. */
    public static final String HEADER = "architecture,accuracy,seconds,params,seed";

    /**
     * The bundled ground truth: 40 cells trained on Fashion-MNIST in {@link
     * Nb201Skeleton#SEARCH} for 4 epochs on 10,000 images (split seed 0, 2,000
     * validation images). Its first lines name the command that produced it.
     */
    public static final String BUNDLED = "nb201-fashion-mnist-ground-truth.csv";

    private StandAloneTable() {
    }

    /** Reads the bundled ground truth ({@link #BUNDLED}). */
    public static List<Row> bundled() {
        try (var stream = StandAloneTable.class.getResourceAsStream(BUNDLED)) {
            if (stream == null) {
                throw new IllegalStateException("the bundled ground truth " + BUNDLED
                        + " was not found on the class path: write it with 'archforge bench"
                        + " ground-truth' into the resources of io.archforge.torch.nb201 and"
                        + " rebuild");
            }
            String text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            return parse(BUNDLED, text.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read the bundled ground truth: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Reads the rows of a file, in file order.
     *
     * @throws IllegalArgumentException naming the file and line of a malformed row
     * @throws UncheckedIOException when the file cannot be read
     */
    public static List<Row> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read stand-alone accuracies from " + file
                    + ": " + e.getMessage(), e);
        }
        return parse(file.toString(), lines);
    }

    private static List<Row> parse(String file, List<String> lines) {
        List<Row> rows = new ArrayList<>();
        CellSpace space = CellSpace.nb201();
        boolean header = false;
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.equals(HEADER)) {
                    throw new IllegalArgumentException(file + " line " + number
                            + ": expected the header '" + HEADER + "', found '" + line + "'");
                }
                header = true;
                continue;
            }
            rows.add(parse(space, file, number, line));
        }
        return List.copyOf(rows);
    }

    /** Returns the accuracy of each cell of {@code rows}, averaged over its seeds. */
    public static Map<Architecture, Double> meanAccuracies(List<Row> rows) {
        Map<Architecture, double[]> sums = new LinkedHashMap<>();
        for (Row row : rows) {
            double[] sum = sums.computeIfAbsent(row.cell(), cell -> new double[2]);
            sum[0] += row.accuracy();
            sum[1]++;
        }
        Map<Architecture, Double> means = new LinkedHashMap<>();
        sums.forEach((cell, sum) -> means.put(cell, sum[0] / sum[1]));
        return means;
    }

    /**
     * Appends one row, writing the description lines and the header first when the file
     * is new or empty.
     */
    public static void append(Path file, List<String> description, Row row) {
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                StringBuilder head = new StringBuilder();
                for (String line : description) {
                    head.append("# ").append(line).append('\n');
                }
                head.append(HEADER).append('\n');
                Files.writeString(file, head, StandardCharsets.UTF_8);
            }
            Files.writeString(file, format(row) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write " + file + ": " + e.getMessage(), e);
        }
    }

    private static String format(Row row) {
        return String.format(Locale.ROOT, "%s,%.2f,%.1f,%.6f,%d", row.cell().text(),
                row.accuracy(), row.seconds(), row.params(), row.seed());
    }

    private static Row parse(CellSpace space, String file, int number, String line) {
        String[] fields = line.split(",", -1);
        if (fields.length != 5) {
            throw new IllegalArgumentException(file + " line " + number + ": expected 5 fields ("
                    + HEADER + "), found " + fields.length);
        }
        try {
            return new Row(space.parse(fields[0]), Double.parseDouble(fields[1]),
                    Double.parseDouble(fields[2]), Double.parseDouble(fields[3]),
                    Long.parseLong(fields[4]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage()
                    + ". Fix or delete the row", e);
        }
    }

    /**
     * One trained cell.
     *
     * @param cell the cell
     * @param accuracy validation accuracy, percent
     * @param seconds training time, seconds
     * @param params trainable parameters, millions
     * @param seed the training seed
     */
    public record Row(Architecture cell, double accuracy, double seconds, double params,
            long seed) {

        public Row {
            if (!(accuracy >= 0 && accuracy <= 100)) {
                throw new IllegalArgumentException("invalid accuracy " + accuracy
                        + ": use a percentage from 0 to 100");
            }
        }
    }
}
