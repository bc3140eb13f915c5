package io.archforge.benchmarks.hwgpt;

import io.archforge.space.Architecture;
import io.archforge.space.HwGptMeasuredSpaces;
import io.archforge.space.HwGptSpace;
import io.archforge.space.MeasuredSpace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.zip.GZIPInputStream;

/**
 * The measurements of HW-GPT-Bench for one space size: 10,000 GPT architectures, each
 * with its parameter count, forward-pass FLOPs, perplexity and next-token accuracy on
 * OpenWebText (weights inherited from the trained supernet), and latency, energy and
 * memory per device.
 *
 * <p>Units as the table stores them: latency in milliseconds, energy in watt-hours per
 * forward pass, memory in megabytes (1e6 bytes), accuracy as a fraction. Latency, FLOPs
 * and memory are for a batch of 8 (s), 4 (m) or 1 (l) sequences of 1024 tokens, and GPU
 * energy for 8 sequences in every size. Perplexity and accuracy exist for every row of s,
 * 5,245 rows of m and 429 rows of l. A missing value is empty in the table and empty
 * here, never a default.
 *
 * <p>Rows are in the order of {@link HwGptMeasuredSpaces}, and loading checks that
 * each row is the same network as that space's member. Instances are immutable and
 * thread-safe.
 */
public final class HwGptTable {

    /** The class-path resource of a size, with {@code %s} for its letter. */
    public static final String RESOURCE_PATTERN = "/io/archforge/benchmarks/hwgpt/hwgpt-%s.csv.gz";

    private static final List<String> ARCHITECTURE_COLUMNS =
            List.of("arch_id", "n_layer", "n_embd", "bias", "n_head", "mlp_ratio");
    private static final Map<HwGptSpace.Size, HwGptTable> TABLES =
            new EnumMap<>(HwGptSpace.Size.class);

    private final HwGptSpace.Size size;
    private final MeasuredSpace space;
    private final List<String> archIds;
    private final Map<String, double[]> columns;

    private HwGptTable(HwGptSpace.Size size, MeasuredSpace space, List<String> archIds,
            Map<String, double[]> columns) {
        this.size = size;
        this.space = space;
        this.archIds = List.copyOf(archIds);
        this.columns = Map.copyOf(columns);
    }

    /**
     * Returns the table of {@code size}, read from the bundled resource on first use.
     *
     * @throws IllegalStateException when the resource is missing or does not match the
     *     measured space
     */
    public static HwGptTable of(HwGptSpace.Size size) {
        synchronized (TABLES) {
            return TABLES.computeIfAbsent(size, HwGptTable::load);
        }
    }

    private static HwGptTable load(HwGptSpace.Size size) {
        String resource = String.format(RESOURCE_PATTERN, size.letter());
        InputStream raw = HwGptTable.class.getResourceAsStream(resource);
        if (raw == null) {
            throw new IllegalStateException("resource " + resource + " is missing from the"
                    + " class path; rebuild archforge-benchmarks");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            return read(size, resource, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + resource, e);
        }
    }

    private static HwGptTable read(HwGptSpace.Size size, String resource,
            BufferedReader reader) throws IOException {
        MeasuredSpace space = HwGptMeasuredSpaces.of(size);
        String[] header = String.valueOf(reader.readLine()).split(",", -1);
        requireArchitectureColumns(resource, header);
        int rows = Math.toIntExact(space.size());
        Map<String, double[]> columns = new HashMap<>();
        for (int c = ARCHITECTURE_COLUMNS.size(); c < header.length; c++) {
            double[] values = new double[rows];
            Arrays.fill(values, Double.NaN);
            columns.put(header[c], values);
        }
        List<String> archIds = new ArrayList<>(rows);
        String line;
        while ((line = reader.readLine()) != null) {
            int row = archIds.size();
            String[] cells = line.split(",", -1);
            String where = resource + " line " + (row + 2);
            if (cells.length != header.length || row >= rows) {
                throw new IllegalStateException(where + " has " + cells.length + " fields, "
                        + "expected " + header.length + " in at most " + rows + " rows");
            }
            requireSameNetwork(size, space, row, cells, where);
            archIds.add(cells[0]);
            for (int c = ARCHITECTURE_COLUMNS.size(); c < header.length; c++) {
                columns.get(header[c])[row] = number(cells[c], where, header[c]);
            }
        }
        if (archIds.size() != rows) {
            throw new IllegalStateException(resource + " has " + archIds.size()
                    + " rows, expected " + rows);
        }
        return new HwGptTable(size, space, archIds, columns);
    }

    private static void requireArchitectureColumns(String resource, String[] header) {
        List<String> first = Arrays.asList(header).subList(0,
                Math.min(header.length, ARCHITECTURE_COLUMNS.size()));
        if (!first.equals(ARCHITECTURE_COLUMNS)) {
            throw new IllegalStateException(resource + " starts with " + first + ", expected "
                    + ARCHITECTURE_COLUMNS);
        }
    }

    private static void requireSameNetwork(HwGptSpace.Size size, MeasuredSpace space, int row,
            String[] cells, String where) {
        Architecture architecture = HwGptSpace.ofColumns(size, Integer.parseInt(cells[1]),
                Integer.parseInt(cells[2]), cells[3].equals("1"), cells[4], cells[5]);
        if (!architecture.equals(space.members().get(row))) {
            throw new IllegalStateException(where + " contains " + architecture.text()
                    + ", but row " + row + " of the measured space " + space.name() + " is "
                    + space.members().get(row).text() + "; rebuild both modules");
        }
    }

    private static double number(String cell, String where, String column) {
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(where + " has '" + cell + "' in column " + column
                    + ", expected a number or an empty field", e);
        }
    }

    /** Returns the size this table measures. */
    public HwGptSpace.Size size() {
        return size;
    }

    /** Returns the measured space, whose members are the rows in order. */
    public MeasuredSpace space() {
        return space;
    }

    /** Returns the number of rows. */
    public int rows() {
        return archIds.size();
    }

    /** Returns the benchmark's id of a row, such as {@code s00042}. */
    public String archId(int row) {
        return archIds.get(row);
    }

    /** Returns the row of the network {@code architecture} describes, if it was measured. */
    public OptionalInt rowOf(Architecture architecture) {
        return space.indexOf(architecture);
    }

    /** Returns the architecture of a row. */
    public Architecture architecture(int row) {
        return space.members().get(row);
    }

    /** Returns the parameter count of a row, embeddings included. */
    public double params(int row) {
        return value("params", row).orElseThrow();
    }

    /** Returns the forward-pass FLOPs of a row at the size's batch. */
    public double flops(int row) {
        return value("flops", row).orElseThrow();
    }

    /** Returns the validation perplexity of a row, if the benchmark has it. */
    public OptionalDouble perplexity(int row) {
        return value("perplexity", row);
    }

    /** Returns the next-token accuracy of a row as a fraction, if the benchmark has it. */
    public OptionalDouble accuracy(int row) {
        return value("accuracy", row);
    }

    /** Returns the number of rows with a perplexity. */
    public int perplexityCount() {
        return (int) Arrays.stream(columns.get("perplexity")).filter(v -> !Double.isNaN(v))
                .count();
    }

    /** Returns the mean forward-pass latency of a row on {@code device}, in milliseconds. */
    public OptionalDouble latencyMs(int row, HwGptDevice device) {
        return value(device.latencyColumn(), row);
    }

    /** Returns the mean energy of one forward pass on {@code device}, in watt-hours. */
    public OptionalDouble energyWh(int row, HwGptDevice device) {
        return device.hasEnergy() ? value(device.energyColumn(), row) : OptionalDouble.empty();
    }

    /** Returns the memory a forward pass allocates on {@code device}, in megabytes. */
    public OptionalDouble memoryMb(int row, HwGptDevice device) {
        Optional<String> column = device.memoryColumn();
        return column.isPresent() ? value(column.get(), row) : OptionalDouble.empty();
    }

    private OptionalDouble value(String column, int row) {
        double[] values = columns.get(column);
        if (values == null) {
            throw new IllegalStateException("the HW-GPT-Bench table of " + size.spaceName()
                    + " has no column " + column);
        }
        double value = values[row];
        return Double.isNaN(value) ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
