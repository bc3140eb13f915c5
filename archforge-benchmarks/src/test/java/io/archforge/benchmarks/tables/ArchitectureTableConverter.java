package io.archforge.benchmarks.tables;

import io.archforge.space.Architecture;
import io.archforge.space.NasBenchGraphSpace;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Converts the TransNAS-Bench-101 and NAS-Bench-Graph source tables into the resources
 * that {@link TransNas101Table} and {@link NasBenchGraphTable} read, and documents where
 * their values come from. Numbers are copied as text, so nothing is rounded.
 *
 * <p>Inputs, below one source directory:
 * <ul>
 *   <li>{@code transnas101/tnb101_micro_zen_val.csv}: the columns {@code task, idx,
 *       op_indices, val_metric, zen_score}, a flattening of NASLib's
 *       {@code zc_benchmarks/all_benchmarks_zen.zip};</li>
 *   <li>{@code nasbench_graph/DATASET_nasbenchgraph.csv}: the columns {@code hash, link,
 *       ops, valid_perf, test_perf, latency_s, params_M}, an export of the benchmark's
 *       {@code light/DATASET.bench}.</li>
 * </ul>
 * The converter checks that every task lists the same 4,096 cells under the same
 * {@code idx}, and that every NAS-Bench-Graph hash decodes to the row's {@code link}
 * and {@code ops}.
 *
 * <p>Run it from the module directory after {@code mvn test-compile}:
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     io.archforge.benchmarks.tables.ArchitectureTableConverter SOURCE_DIR \
 *     src/main/resources/io/archforge/benchmarks/tables
 * </pre>
 * where {@code cp.txt} comes from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class ArchitectureTableConverter {

    static final String TRANSNAS_FILE = "transnas101/tnb101_micro_zen_val.csv";
    static final String GRAPH_FILE_PATTERN = "nasbench_graph/%s_nasbenchgraph.csv";

    private ArchitectureTableConverter() {
    }

    /** Converts the tables below {@code args[0]} and writes the resources into {@code args[1]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException(
                    "usage: ArchitectureTableConverter SOURCE_DIR OUTPUT_DIR");
        }
        Path source = Path.of(args[0]);
        Path output = Path.of(args[1]);
        writeGzip(transNas101(source.resolve(TRANSNAS_FILE)),
                output.resolve(fileName(TransNas101Table.RESOURCE)));
        for (String dataset : NasBenchGraphTable.DATASETS) {
            String resource = String.format(NasBenchGraphTable.RESOURCE_PATTERN, dataset);
            writeGzip(nasBenchGraph(source.resolve(String.format(GRAPH_FILE_PATTERN, dataset))),
                    output.resolve(fileName(resource)));
        }
    }

    private static String fileName(String resource) {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    /** Returns the TransNAS-Bench-101 resource text: one row per cell, in idx order. */
    static String transNas101(Path csv) throws IOException {
        List<String[]> rows = readCsv(csv, List.of("task", "idx", "op_indices", "val_metric",
                "zen_score"));
        String[] ops = new String[TransNas101Table.CELL_COUNT];
        Map<String, String[][]> byTask = new LinkedHashMap<>();
        for (String task : TransNas101Table.TASKS) {
            byTask.put(task, new String[TransNas101Table.CELL_COUNT][]);
        }
        for (String[] row : rows) {
            String[][] cells = byTask.get(row[0]);
            if (cells == null) {
                throw new IOException(csv + " has the unknown task '" + row[0] + "'");
            }
            int idx = Integer.parseInt(row[1]);
            String digits = row[2].replaceAll("[(), ]", "");
            if (ops[idx] != null && !ops[idx].equals(digits)) {
                throw new IOException(csv + " gives idx " + idx + " the cells " + ops[idx]
                        + " and " + digits);
            }
            if (cells[idx] != null) {
                throw new IOException(csv + " repeats idx " + idx + " of task " + row[0]);
            }
            ops[idx] = digits;
            cells[idx] = new String[] {row[3], row[4]};
        }
        checkDistinctCells(csv, ops);
        return transNas101Text(ops, byTask, csv);
    }

    private static void checkDistinctCells(Path csv, String[] ops) throws IOException {
        for (int idx = 0; idx < ops.length; idx++) {
            if (ops[idx] == null) {
                throw new IOException(csv + " lacks idx " + idx);
            }
            TransNas101Table.cell(ops[idx]);
        }
        if (List.of(ops).stream().distinct().count() != ops.length) {
            throw new IOException(csv + " lists a cell under two idx values");
        }
    }

    private static String transNas101Text(String[] ops, Map<String, String[][]> byTask,
            Path csv) throws IOException {
        StringBuilder text = new StringBuilder(String.join(",", TransNas101Table.header()));
        text.append('\n');
        for (int idx = 0; idx < ops.length; idx++) {
            text.append(ops[idx]);
            for (Map.Entry<String, String[][]> task : byTask.entrySet()) {
                String[] values = task.getValue()[idx];
                if (values == null) {
                    throw new IOException(csv + " lacks idx " + idx + " of task " + task.getKey());
                }
                text.append(',').append(values[0]).append(',').append(values[1]);
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Returns the NAS-Bench-Graph resource text of one data set, in hash order. */
    static String nasBenchGraph(Path csv) throws IOException {
        List<String[]> rows = readCsv(csv, List.of("hash", "link", "ops", "valid_perf",
                "test_perf", "latency_s", "params_M"));
        StringBuilder text = new StringBuilder(String.join(",", NasBenchGraphTable.header()));
        text.append('\n');
        int previous = -1;
        for (String[] row : rows) {
            int hash = Integer.parseInt(row[0]);
            if (hash <= previous) {
                throw new IOException(csv + " lists hash " + hash + " after " + previous);
            }
            previous = hash;
            Architecture decoded = NasBenchGraphTable.decode(hash);
            Architecture listed = NasBenchGraphSpace.of(row[1].replace("-", ""),
                    List.of(row[2].split("-", -1)));
            if (!decoded.equals(listed)) {
                throw new IOException(csv + " hash " + hash + " decodes to '" + decoded
                        + "' but the row lists '" + listed + "'");
            }
            text.append(row[0]);
            for (int column = 3; column < row.length; column++) {
                text.append(',').append(row[column]);
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Reads a CSV with this header; fields may be double-quoted. */
    static List<String[]> readCsv(Path csv, List<String> header) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !List.of(split(lines.get(0))).equals(header)) {
            throw new IOException(csv + " does not start with the header " + header);
        }
        List<String[]> rows = new ArrayList<>(lines.size() - 1);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = split(line);
            if (fields.length != header.size()) {
                throw new IOException(csv + " row " + (rows.size() + 1) + " has "
                        + fields.length + " fields, expected " + header.size());
            }
            rows.add(fields);
        }
        return rows;
    }

    /** Splits one line at commas outside double quotes, dropping the quotes. */
    private static String[] split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }

    private static void writeGzip(String text, Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
