package io.archforge.benchmarks.nb201;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * The synflow zero-cost proxy of every NAS-Bench-201 cell on the CIFAR-10 network
 * (3x32x32 input, 10 classes), so that tabular searches can rank cells by it without
 * building networks. Archforge computed the values itself, with {@code archforge proxy
 * --proxy synflow --seed 0} on untrained DJL networks; archforge-benchmarks/NOTICE
 * gives the full command. A score is the natural logarithm of the synaptic flow, or 0
 * for a cell whose output ignores its input, and a higher score predicts a better cell.
 */
public final class Nb201ProxyTable {

    /** The class-path resource: a gzip CSV with the columns index,synflow. */
    public static final String RESOURCE = "/io/archforge/benchmarks/nb201/nb201-synflow.csv.gz";

    private final double[] synflow;

    private Nb201ProxyTable(double[] synflow) {
        this.synflow = synflow;
    }

    /**
     * Reads the shipped table.
     *
     * @throws IllegalStateException when the resource is missing, malformed, or lacks or
     *     repeats a cell
     */
    public static Nb201ProxyTable load() {
        InputStream raw = Nb201ProxyTable.class.getResourceAsStream(RESOURCE);
        if (raw == null) {
            throw new IllegalStateException("resource " + RESOURCE + " is missing from the"
                    + " class path; rebuild archforge-benchmarks");
        }
        double[] values = new double[Nb201Table.CELL_COUNT];
        Arrays.fill(values, Double.NaN);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (!"index,synflow".equals(header)) {
                throw new IllegalStateException(RESOURCE + " starts with '" + header
                        + "', expected 'index,synflow'");
            }
            String line;
            while ((line = reader.readLine()) != null) {
                int comma = line.indexOf(',');
                int index = Integer.parseInt(line.substring(0, comma));
                if (!Double.isNaN(values[index])) {
                    throw new IllegalStateException(RESOURCE + " repeats cell " + index);
                }
                values[index] = Double.parseDouble(line.substring(comma + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + RESOURCE, e);
        }
        for (int index = 0; index < values.length; index++) {
            if (Double.isNaN(values[index])) {
                throw new IllegalStateException(RESOURCE + " lacks cell " + index);
            }
        }
        return new Nb201ProxyTable(values);
    }

    /** Returns the number of cells, 15,625. */
    public int size() {
        return synflow.length;
    }

    /**
     * Returns the synflow score of the cell with NAS-Bench-201 index {@code index}.
     *
     * @throws IndexOutOfBoundsException when the index is not in [0, 15625)
     */
    public double synflow(int index) {
        return synflow[index];
    }
}
