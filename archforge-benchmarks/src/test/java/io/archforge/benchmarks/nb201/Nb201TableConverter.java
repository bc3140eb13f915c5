package io.archforge.benchmarks.nb201;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Converts the NAS-Bench-201 CSV tables into the compressed resource that
 * {@link Nb201Table#load()} reads, and documents where its values come from.
 *
 * <p>Inputs, all in one directory and all in NAS-Bench-201 index order:
 * {@code nats_bench.csv} (200-epoch test accuracy, architecture string and the
 * canonical string of the isomorphism class), {@code nb201_12epoch_accs.csv}
 * (12-epoch validation and test accuracy) and {@code nb201_latency_27devices.csv}
 * (latency in ms, one {@code DEVICE_ms} column per device). The converter checks that
 * the three files list the same architecture on every row.
 *
 * <p>Run it from the module directory after {@code mvn test-compile}:
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     io.archforge.benchmarks.nb201.Nb201TableConverter SOURCE_DIR \
 *     src/main/resources/io/archforge/benchmarks/nb201/nb201-tables.bin.gz
 * </pre>
 * where {@code cp.txt} comes from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class Nb201TableConverter {

    static final String ACCURACY_FILE = "nats_bench.csv";
    static final String EPOCH12_FILE = "nb201_12epoch_accs.csv";
    static final String LATENCY_FILE = "nb201_latency_27devices.csv";

    private static final String LATENCY_SUFFIX = "_ms";

    /** 12-epoch columns per data set, in {@link Nb201Dataset} order: validation, test. */
    private static final String[][] EPOCH12_COLUMNS = {
        {"cifar10-val", "cifar10-test"},
        {"cifar100-val", "cifar100-test"},
        {"imagenet-val", "imagenet-test"},
    };

    /** 200-epoch test accuracy columns, in {@link Nb201Dataset} order. */
    private static final String[] ACCURACY_COLUMNS = {
        "CIFAR10TestAccuracy200Epochs",
        "CIFAR100TestAccuracy200Epochs",
        "ImageNetTestAccuracy200Epochs",
    };

    private Nb201TableConverter() {
    }

    /** Converts {@code args[0]}'s CSV files and writes the resource to {@code args[1]}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException(
                    "usage: Nb201TableConverter SOURCE_DIR OUTPUT_FILE");
        }
        Nb201Table table = convert(Path.of(args[0]));
        Path output = Path.of(args[1]);
        try (OutputStream out = Files.newOutputStream(output)) {
            Nb201TableFormat.write(table, out);
        }
    }

    /** Reads the three CSV files in {@code directory} into a table. */
    static Nb201Table convert(Path directory) throws IOException {
        Csv accuracy = Csv.read(directory.resolve(ACCURACY_FILE));
        Csv epoch12 = Csv.read(directory.resolve(EPOCH12_FILE));
        Csv latency = Csv.read(directory.resolve(LATENCY_FILE));
        int cells = accuracy.rows().size();
        List<String> architectures = accuracy.column("ArchitectureString");
        checkSameCells(architectures, epoch12, EPOCH12_FILE);
        checkSameCells(architectures, latency, LATENCY_FILE);

        // Operations, isomorphism classes, accuracies, latencies.
        byte[] operations = operations(architectures);
        int[] isoClasses = isoClasses(accuracy.column("UniqueString"));
        int datasets = Nb201Dataset.values().length;
        double[][] test = new double[datasets][];
        double[][] valid12 = new double[datasets][];
        double[][] test12 = new double[datasets][];
        for (int d = 0; d < datasets; d++) {
            test[d] = accuracy.doubles(ACCURACY_COLUMNS[d]);
            valid12[d] = epoch12.doubles(EPOCH12_COLUMNS[d][0]);
            test12[d] = epoch12.doubles(EPOCH12_COLUMNS[d][1]);
        }
        List<String> devices = new ArrayList<>();
        List<double[]> latencies = new ArrayList<>();
        for (String column : latency.header()) {
            if (column.endsWith(LATENCY_SUFFIX)) {
                devices.add(column.substring(0, column.length() - LATENCY_SUFFIX.length()));
                latencies.add(latency.doubles(column));
            }
        }
        if (cells != Nb201Table.CELL_COUNT) {
            throw new IOException(ACCURACY_FILE + " has " + cells + " rows, expected "
                    + Nb201Table.CELL_COUNT);
        }
        return new Nb201Table(operations, isoClasses, test, valid12, test12, devices,
                latencies.toArray(double[][]::new));
    }

    private static void checkSameCells(List<String> architectures, Csv other, String name)
            throws IOException {
        List<String> otherArchitectures = other.column("arch_str");
        List<String> indices = other.column("nb201_index");
        if (!otherArchitectures.equals(architectures)) {
            throw new IOException(name + " lists other architectures than " + ACCURACY_FILE);
        }
        for (int row = 0; row < indices.size(); row++) {
            if (Integer.parseInt(indices.get(row)) != row) {
                throw new IOException(name + " row " + row + " has nb201_index "
                        + indices.get(row));
            }
        }
    }

    private static byte[] operations(List<String> architectures) {
        CellSpace space = CellSpace.nb201();
        byte[] operations = new byte[architectures.size() * Nb201Table.EDGES];
        for (int index = 0; index < architectures.size(); index++) {
            Architecture architecture = space.parse(architectures.get(index));
            for (int edge = 0; edge < Nb201Table.EDGES; edge++) {
                operations[index * Nb201Table.EDGES + edge] = (byte) architecture.intGene(edge);
            }
        }
        return operations;
    }

    /** Dense ids: the rank of each canonical string among the sorted distinct ones. */
    private static int[] isoClasses(List<String> canonical) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(canonical));
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            rank.put(sorted.get(i), i);
        }
        return canonical.stream().mapToInt(rank::get).toArray();
    }

    /** A comma-separated file with a header line; fields may be double-quoted. */
    record Csv(Path path, List<String> header, List<String[]> rows) {

        static Csv read(Path path) throws IOException {
            List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
            List<String> header = List.of(split(lines.get(0)));
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] fields = split(line);
                if (fields.length != header.size()) {
                    throw new IOException(path + ": row " + (rows.size() + 1) + " has "
                            + fields.length + " fields, expected " + header.size());
                }
                rows.add(fields);
            }
            return new Csv(path, header, rows);
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

        List<String> column(String name) {
            int position = position(name);
            return rows.stream().map(row -> row[position]).toList();
        }

        double[] doubles(String name) {
            int position = position(name);
            return rows.stream().mapToDouble(row -> Double.parseDouble(row[position])).toArray();
        }

        private int position(String name) {
            int position = header.indexOf(name);
            if (position < 0) {
                throw new IllegalArgumentException(path + " has no column '" + name
                        + "'; columns: " + header);
            }
            return position;
        }
    }
}
