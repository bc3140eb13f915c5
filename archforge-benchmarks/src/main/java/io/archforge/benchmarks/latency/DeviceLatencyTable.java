package io.archforge.benchmarks.latency;

import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.benchmarks.tables.FbnetLatencyTable;
import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Measured latencies of the architectures of one search space on several devices: the
 * data of latency predictor benchmarks.
 *
 * <p>Every architecture is a distinct network. For NAS-Bench-201 that means all 15,625
 * cells, isomorphic ones included, because the benchmark's network computes every edge,
 * so two cells with equal functions can still differ in the work they do. Instances are
 * immutable and thread-safe.
 */
public final class DeviceLatencyTable {

    /** The benchmark name of the NAS-Bench-201 table. */
    public static final String NB201 = "nb201";
    /** The benchmark name of the FBNet table. */
    public static final String FBNET = "fbnet";

    private final String benchmark;
    private final SearchSpace space;
    private final List<Architecture> architectures;
    private final List<String> devices;
    private final double[][] latencies;
    private final Map<Architecture, Integer> rows = new HashMap<>();

    /**
     * Creates a table.
     *
     * @param latencies {@code latencies[device][row]} in ms, one row per architecture
     * @throws IllegalArgumentException when the shapes disagree or an architecture repeats
     */
    public DeviceLatencyTable(String benchmark, SearchSpace space,
            List<Architecture> architectures, List<String> devices, double[][] latencies) {
        this.benchmark = Objects.requireNonNull(benchmark, "benchmark");
        this.space = Objects.requireNonNull(space, "space");
        this.architectures = List.copyOf(architectures);
        this.devices = List.copyOf(devices);
        if (latencies.length != this.devices.size()) {
            throw new IllegalArgumentException(this.devices.size() + " devices but "
                    + latencies.length + " latency columns");
        }
        this.latencies = new double[latencies.length][];
        for (int d = 0; d < latencies.length; d++) {
            if (latencies[d].length != this.architectures.size()) {
                throw new IllegalArgumentException("device " + this.devices.get(d) + " has "
                        + latencies[d].length + " latencies for " + this.architectures.size()
                        + " architectures");
            }
            this.latencies[d] = latencies[d].clone();
        }
        for (int i = 0; i < this.architectures.size(); i++) {
            if (rows.put(this.architectures.get(i), i) != null) {
                throw new IllegalArgumentException("architecture "
                        + this.architectures.get(i).text() + " appears twice");
            }
        }
    }

    /** Returns every NAS-Bench-201 cell with its latency on the table's 27 devices. */
    public static DeviceLatencyTable nb201(Nb201Table table) {
        List<Architecture> cells = new ArrayList<>(table.size());
        double[][] latencies = new double[table.devices().size()][table.size()];
        for (int index = 0; index < table.size(); index++) {
            cells.add(table.architecture(index));
            for (int device = 0; device < latencies.length; device++) {
                latencies[device][index] = table.latencyMs(index, device);
            }
        }
        return new DeviceLatencyTable(NB201, table.space(), cells, table.devices(), latencies);
    }

    /** Returns the 5,000 FBNet architectures with their latency on 27 devices. */
    public static DeviceLatencyTable fbnet(FbnetLatencyTable table) {
        double[][] latencies = new double[table.devices().size()][table.size()];
        for (int device = 0; device < latencies.length; device++) {
            for (int index = 0; index < table.size(); index++) {
                latencies[device][index] = table.latencyMs(index, device);
            }
        }
        return new DeviceLatencyTable(FBNET, table.space(), table.architectures(),
                table.devices(), latencies);
    }

    /** Returns the benchmark name, {@value #NB201} or {@value #FBNET}. */
    public String benchmark() {
        return benchmark;
    }

    /** Returns the search space. */
    public SearchSpace space() {
        return space;
    }

    /** Returns the architectures, in the table's order. */
    public List<Architecture> architectures() {
        return architectures;
    }

    /** Returns the device names, in column order. */
    public List<String> devices() {
        return devices;
    }

    /**
     * Returns the latency of {@code architecture} on {@code device}, in ms.
     *
     * @throws IllegalArgumentException when the device or the architecture is unknown
     */
    public double latencyMs(Architecture architecture, String device) {
        Integer row = rows.get(architecture);
        if (row == null) {
            throw new IllegalArgumentException("the " + benchmark + " latency table has no "
                    + "architecture '" + architecture.text() + "'");
        }
        return latencies[deviceIndex(device)][row];
    }

    /**
     * Returns the position of {@code device}.
     *
     * @throws IllegalArgumentException naming the device and the valid ones
     */
    public int deviceIndex(String device) {
        int index = devices.indexOf(device);
        if (index < 0) {
            throw new IllegalArgumentException("unknown " + benchmark + " device '" + device
                    + "'; valid devices: " + String.join(", ", devices));
        }
        return index;
    }
}
