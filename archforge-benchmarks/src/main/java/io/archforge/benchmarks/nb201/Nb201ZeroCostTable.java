package io.archforge.benchmarks.nb201;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Zero-cost proxy scores that NASLib published for 725 NAS-Bench-201 cells per data
 * set (724 on ImageNet16-120), with each cell's parameters and FLOPs. The scores were
 * computed on CIFAR and ImageNet16-120 batches, so only the data-free ones (params,
 * flops, synflow) can be reproduced without those images. The shipped resource is a
 * gzip copy of the exported table; archforge-benchmarks/NOTICE gives its source.
 */
public final class Nb201ZeroCostTable {

    /** The class-path resource. */
    public static final String RESOURCE = "/io/archforge/benchmarks/nb201/nb201-zc-725.csv.gz";

    /** The score columns of the table, in its order. */
    public static final List<String> SCORES = List.of("flops", "params", "epe_nas", "fisher",
            "grad_norm", "grasp", "jacov", "l2_norm", "nwot", "plain", "snip", "synflow");

    private final Map<Nb201Dataset, List<Row>> rows;

    private Nb201ZeroCostTable(Map<Nb201Dataset, List<Row>> rows) {
        this.rows = rows;
    }

    /**
     * One cell of the table.
     *
     * @param index the cell's NAS-Bench-201 index
     * @param architecture the NAS-Bench-201 string of the cell
     * @param scores every score column; NaN where the table has no value
     */
    public record Row(int index, String architecture, Map<String, Double> scores) {

        public Row {
            scores = Map.copyOf(scores);
        }

        /**
         * Returns the score in column {@code name}, NaN when missing.
         *
         * @throws IllegalArgumentException when the table has no such column
         */
        public double score(String name) {
            Double value = scores.get(name);
            if (value == null) {
                throw new IllegalArgumentException("unknown zero-cost column '" + name
                        + "'; the table has " + String.join(", ", SCORES));
            }
            return value;
        }
    }

    /**
     * Reads the shipped table.
     *
     * @throws IllegalStateException when the resource is missing from the class path
     */
    public static Nb201ZeroCostTable load() {
        InputStream raw = Nb201ZeroCostTable.class.getResourceAsStream(RESOURCE);
        if (raw == null) {
            throw new IllegalStateException("resource " + RESOURCE + " is missing from the"
                    + " class path; rebuild archforge-benchmarks");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            return parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + RESOURCE, e);
        }
    }

    private static Nb201ZeroCostTable parse(BufferedReader reader) throws IOException {
        List<String> header = split(reader.readLine());
        Map<Nb201Dataset, List<Row>> rows = new EnumMap<>(Nb201Dataset.class);
        for (Nb201Dataset dataset : Nb201Dataset.values()) {
            rows.put(dataset, new ArrayList<>());
        }
        String line;
        while ((line = reader.readLine()) != null) {
            List<String> cells = split(line);
            Map<String, Double> scores = new LinkedHashMap<>();
            for (String score : SCORES) {
                String text = cells.get(header.indexOf(score));
                scores.put(score, number(text));
            }
            Nb201Dataset dataset = Nb201Dataset.parse(cells.get(header.indexOf("dataset")));
            rows.get(dataset).add(new Row(
                    Integer.parseInt(cells.get(header.indexOf("nb201_index"))),
                    cells.get(header.indexOf("arch_str")), scores));
        }
        rows.replaceAll((dataset, list) -> List.copyOf(list));
        return new Nb201ZeroCostTable(rows);
    }

    /** Parses a score as Python writes it: empty when missing, {@code -inf} allowed. */
    private static double number(String text) {
        return switch (text) {
            case "", "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** Returns the rows of {@code dataset}, in table order. */
    public List<Row> rows(Nb201Dataset dataset) {
        return rows.get(dataset);
    }

    /** Splits one CSV line; only the NASLib operation-index column is quoted. */
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
        return Arrays.asList(cells.toArray(new String[0]));
    }
}
