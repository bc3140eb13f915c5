package io.archforge.benchmarks.tables;

import io.archforge.space.Architecture;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.FbnetSpace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Measured inference latency of 5,000 architectures of the FBNet space
 * ({@link FbnetSpace}) on 27 devices, from HELP (Lee, Lee and Hwang, "HELP:
 * Hardware-Adaptive Efficient Latency Prediction for NAS via Meta-Learning", NeurIPS
 * 2021). The networks are HELP's CIFAR-100 FBNet networks; the columns {@code eyeriss},
 * {@code fpga}, {@code raspi4} and {@code pixel3} come from HW-NAS-Bench.
 *
 * <p>A device name is the CSV column without {@code _ms}, such as {@code 2080ti_64}: the
 * GPU columns end in the batch size, here 1, 32 or 64, unlike NAS-Bench-201's 1, 32 or
 * 256, so equal names of the two tables are not always equal settings. Latencies are
 * milliseconds as stored, without rounding; the four phone columns of HELP's own
 * measurements are whole milliseconds. Sources and licence are in the module's NOTICE
 * file. Instances are immutable and thread-safe.
 */
public final class FbnetLatencyTable {

    /**
     * The class-path resource: a gzip copy of the CSV with the columns
     * {@code fbnet_sample_index}, {@code block_choices_22} (22 block indices separated by
     * spaces) and one {@code DEVICE_ms} column per device, one row per architecture.
     */
    public static final String RESOURCE = "/io/archforge/benchmarks/tables/fbnet-latency.csv.gz";

    /** The number of architectures. */
    public static final int SIZE = 5_000;

    /** The devices, in column order. */
    public static final List<String> DEVICES = List.of("1080ti_1", "1080ti_32", "1080ti_64",
            "2080ti_1", "2080ti_32", "2080ti_64", "essential_ph_1", "eyeriss", "fpga",
            "gold_6226", "gold_6240", "pixel2", "pixel3", "raspi4", "samsung_a50", "samsung_s7",
            "silver_4114", "silver_4210r", "titan_rtx_1", "titan_rtx_32", "titan_rtx_64",
            "titanx_1", "titanx_32", "titanx_64", "titanxp_1", "titanxp_32", "titanxp_64");

    private static final ChoiceSpace SPACE = FbnetSpace.create();
    private static final String SUFFIX = "_ms";

    private final List<Architecture> architectures;
    private final double[][] latencies;
    private final Map<Architecture, Integer> rows;

    private FbnetLatencyTable(List<Architecture> architectures, double[][] latencies) {
        this.architectures = List.copyOf(architectures);
        this.latencies = latencies;
        this.rows = new HashMap<>();
        for (int i = 0; i < this.architectures.size(); i++) {
            if (rows.put(this.architectures.get(i), i) != null) {
                throw new IllegalStateException(RESOURCE + " repeats the architecture "
                        + this.architectures.get(i).text());
            }
        }
    }

    /**
     * Loads the shipped table.
     *
     * @throws IllegalStateException when the resource is missing or malformed
     */
    public static FbnetLatencyTable load() {
        List<String[]> lines = TableResource.read(RESOURCE, header());
        if (lines.size() != SIZE) {
            throw new IllegalStateException(RESOURCE + " has " + lines.size()
                    + " architectures, expected " + SIZE);
        }
        List<Architecture> architectures = new ArrayList<>(SIZE);
        double[][] latencies = new double[DEVICES.size()][SIZE];
        for (int row = 0; row < SIZE; row++) {
            String[] fields = lines.get(row);
            if (!fields[0].equals(Integer.toString(row))) {
                throw new IllegalStateException(RESOURCE + " row " + (row + 1)
                        + " has sample index " + fields[0] + ", expected " + row);
            }
            architectures.add(architecture(fields[1]));
            for (int device = 0; device < DEVICES.size(); device++) {
                latencies[device][row] = latency(fields[2 + device], row, device);
            }
        }
        return new FbnetLatencyTable(architectures, latencies);
    }

    /** Returns the resource's column names. */
    static List<String> header() {
        List<String> header = new ArrayList<>(List.of("fbnet_sample_index", "block_choices_22"));
        DEVICES.forEach(device -> header.add(device + SUFFIX));
        return List.copyOf(header);
    }

    private static Architecture architecture(String blocks) {
        String[] indices = blocks.strip().split(" ");
        List<Integer> genes = new ArrayList<>(indices.length);
        for (String index : indices) {
            genes.add(Integer.parseInt(index));
        }
        try {
            return SPACE.of(genes);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(RESOURCE + " has the invalid block list '" + blocks
                    + "': " + e.getMessage(), e);
        }
    }

    private static double latency(String field, int row, int device) {
        double value = Double.parseDouble(field);
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalStateException(RESOURCE + " row " + (row + 1) + " has latency "
                    + field + " on " + DEVICES.get(device) + "; latencies must be positive");
        }
        return value;
    }

    /** Returns the search space of the architectures. */
    public ChoiceSpace space() {
        return SPACE;
    }

    /** Returns the number of architectures. */
    public int size() {
        return architectures.size();
    }

    /** Returns the architectures, in the table's sample order. */
    public List<Architecture> architectures() {
        return architectures;
    }

    /** Returns the architecture of row {@code index}. */
    public Architecture architecture(int index) {
        return architectures.get(index);
    }

    /**
     * Returns the row of {@code architecture}.
     *
     * @throws IllegalArgumentException when the table lacks it
     */
    public int indexOf(Architecture architecture) {
        Integer row = rows.get(Objects.requireNonNull(architecture, "architecture"));
        if (row == null) {
            throw new IllegalArgumentException("the FBNet latency table has no architecture '"
                    + architecture.text() + "'");
        }
        return row;
    }

    /** Returns the device names, such as {@code pixel3} or {@code 2080ti_64}. */
    public List<String> devices() {
        return DEVICES;
    }

    /**
     * Returns the position of {@code device} in {@link #devices()}.
     *
     * @throws IllegalArgumentException naming the device and listing the valid names
     */
    public int deviceIndex(String device) {
        Objects.requireNonNull(device, "device");
        int position = DEVICES.indexOf(device);
        if (position < 0) {
            throw new IllegalArgumentException("unknown FBNet latency device '" + device
                    + "'; valid devices: " + String.join(", ", DEVICES));
        }
        return position;
    }

    /**
     * Returns the measured latency of row {@code index} on {@code device}, in ms.
     *
     * @throws IllegalArgumentException when the device is unknown
     */
    public double latencyMs(int index, String device) {
        return latencyMs(index, deviceIndex(device));
    }

    /**
     * Returns the latency on the device at position {@code device} of {@link #devices()},
     * in ms.
     */
    public double latencyMs(int index, int device) {
        Objects.checkIndex(index, architectures.size());
        Objects.checkIndex(device, DEVICES.size());
        return latencies[device][index];
    }
}
