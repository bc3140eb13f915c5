package io.archforge.benchmarks.nb201;

import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The NAS-Bench-201 tables (Dong and Yang, ICLR 2020) for all 15,625 cells, in the
 * benchmark's own index order. Each cell has its 200-epoch test accuracy and its
 * 12-epoch validation and test accuracy on three data sets, its isomorphism class,
 * and its measured inference latency on 27 devices.
 *
 * <p>Cells are the architectures of {@link CellSpace#nb201()}; gene {@code k} is the
 * operation index on edge {@code k}. Accuracies are percent, latencies milliseconds.
 * The isomorphism class is a dense id from 0: the rank of the cell's canonical
 * string among the sorted distinct canonical strings of the benchmark. Sources and
 * licences of the data are listed in the module's NOTICE file.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Nb201Table {

    /** The classpath location of the compressed tables. */
    public static final String RESOURCE = "/io/archforge/benchmarks/nb201/nb201-tables.bin.gz";

    /** The number of cells of NAS-Bench-201, {@code 5^6}. */
    public static final int CELL_COUNT = 15_625;

    static final int EDGES = 6;
    static final int OPERATIONS = 5;

    private final CellSpace space = CellSpace.nb201();
    private final byte[] operations;
    private final int[] isoClasses;
    private final int isoClassCount;
    private final double[][] testAccuracy;
    private final double[][] validAccuracy12;
    private final double[][] testAccuracy12;
    private final List<String> devices;
    private final double[][] latencies;
    private final int[] indexByCode;

    /**
     * Builds a table from its columns; every array has one entry per cell, and the
     * per-data-set arrays are indexed by {@link Nb201Dataset#ordinal()}.
     */
    Nb201Table(byte[] operations, int[] isoClasses, double[][] testAccuracy,
            double[][] validAccuracy12, double[][] testAccuracy12, List<String> devices,
            double[][] latencies) {
        int cells = isoClasses.length;
        checkLength("operations", operations.length, cells * EDGES);
        this.operations = operations.clone();
        this.isoClasses = isoClasses.clone();
        this.isoClassCount = Arrays.stream(isoClasses).max().orElse(-1) + 1;
        this.testAccuracy = perDataset("testAccuracy", testAccuracy, cells);
        this.validAccuracy12 = perDataset("validAccuracy12", validAccuracy12, cells);
        this.testAccuracy12 = perDataset("testAccuracy12", testAccuracy12, cells);
        this.devices = List.copyOf(devices);
        this.latencies = columns("latencies", latencies, this.devices.size(), cells);
        this.indexByCode = indexCells(this.operations, cells);
    }

    /**
     * Loads the tables shipped on the classpath.
     *
     * @throws UncheckedIOException when the resource is missing or corrupt
     */
    public static Nb201Table load() {
        try (InputStream in = Nb201Table.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("resource " + RESOURCE + " is missing from the classpath;"
                        + " rebuild archforge-benchmarks");
            }
            return Nb201TableFormat.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to load the NAS-Bench-201 tables", e);
        }
    }

    /** The number of cells. */
    public int size() {
        return isoClasses.length;
    }

    /** The search space whose architectures index this table. */
    public CellSpace space() {
        return space;
    }

    /** The operation index on each edge of cell {@code index}, in gene order. */
    public int[] genes(int index) {
        checkIndex(index);
        int[] genes = new int[EDGES];
        for (int edge = 0; edge < EDGES; edge++) {
            genes[edge] = operations[index * EDGES + edge];
        }
        return genes;
    }

    /** The architecture of cell {@code index}. */
    public Architecture architecture(int index) {
        int[] genes = genes(index);
        return space.of(Arrays.stream(genes).boxed().toList());
    }

    /**
     * The index of {@code architecture} in the benchmark's order.
     *
     * @throws IllegalArgumentException when it is not an architecture of the nb201 space,
     *     or the table lacks it
     */
    public int indexOf(Architecture architecture) {
        Objects.requireNonNull(architecture, "architecture");
        if (!space.name().equals(architecture.space()) || architecture.genes().size() != EDGES) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' of space '" + architecture.space() + "' is not a cell of space '"
                    + space.name() + "'; parse it with CellSpace.nb201()");
        }
        int code = 0;
        for (int edge = EDGES - 1; edge >= 0; edge--) {
            code = code * OPERATIONS + architecture.intGene(edge);
        }
        int index = indexByCode[code];
        if (index < 0) {
            throw new IllegalArgumentException("architecture '" + architecture.text()
                    + "' is not in this table of " + size() + " cells");
        }
        return index;
    }

    /** The dense isomorphism class id of cell {@code index}, from 0. */
    public int isoClass(int index) {
        checkIndex(index);
        return isoClasses[index];
    }

    /** The number of isomorphism classes (6,466 for the shipped tables). */
    public int isoClassCount() {
        return isoClassCount;
    }

    /** The 200-epoch test accuracy in percent, the mean over the benchmark's seeds. */
    public double testAccuracy(int index, Nb201Dataset dataset) {
        checkIndex(index);
        return testAccuracy[dataset.ordinal()][index];
    }

    /**
     * The 12-epoch validation accuracy in percent. For CIFAR-10 it is measured on the
     * benchmark's CIFAR-10 validation split, trained on the rest of the training set.
     */
    public double validAccuracy12(int index, Nb201Dataset dataset) {
        checkIndex(index);
        return validAccuracy12[dataset.ordinal()][index];
    }

    /** The 12-epoch test accuracy in percent. */
    public double testAccuracy12(int index, Nb201Dataset dataset) {
        checkIndex(index);
        return testAccuracy12[dataset.ordinal()][index];
    }

    /** The highest 200-epoch test accuracy over all cells. */
    public double bestTestAccuracy(Nb201Dataset dataset) {
        return Arrays.stream(testAccuracy[dataset.ordinal()]).max().orElseThrow();
    }

    /** The device names of the latency table, such as {@code pixel3} or {@code 2080ti_1}. */
    public List<String> devices() {
        return devices;
    }

    /**
     * The position of {@code device} in {@link #devices()}.
     *
     * @throws IllegalArgumentException naming the device and listing the valid names
     */
    public int deviceIndex(String device) {
        Objects.requireNonNull(device, "device");
        int position = devices.indexOf(device);
        if (position < 0) {
            throw new IllegalArgumentException("unknown NAS-Bench-201 latency device '" + device
                    + "'; valid devices: " + String.join(", ", devices));
        }
        return position;
    }

    /**
     * The measured inference latency of cell {@code index} on {@code device}, in ms.
     *
     * @throws IllegalArgumentException when the device is unknown
     */
    public double latencyMs(int index, String device) {
        return latencyMs(index, deviceIndex(device));
    }

    /** The latency on the device at position {@code device} of {@link #devices()}, in ms. */
    public double latencyMs(int index, int device) {
        checkIndex(index);
        Objects.checkIndex(device, devices.size());
        return latencies[device][index];
    }

    /** An approximation of the heap the tables take, in bytes. */
    public long estimatedBytes() {
        long doubles = (long) size() * (3L * Nb201Dataset.values().length + devices.size());
        return doubles * Double.BYTES + operations.length + (long) Integer.BYTES
                * (isoClasses.length + indexByCode.length);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("NAS-Bench-201 cell index " + index
                    + " is outside [0, " + (size() - 1) + "]");
        }
    }

    private static int[] indexCells(byte[] operations, int cells) {
        int[] indexByCode = new int[pow(OPERATIONS, EDGES)];
        Arrays.fill(indexByCode, -1);
        for (int index = 0; index < cells; index++) {
            int code = 0;
            for (int edge = EDGES - 1; edge >= 0; edge--) {
                int operation = operations[index * EDGES + edge];
                if (operation < 0 || operation >= OPERATIONS) {
                    throw new IllegalArgumentException("cell " + index + " has operation index "
                            + operation + " on edge " + edge + "; expected 0 to "
                            + (OPERATIONS - 1));
                }
                code = code * OPERATIONS + operation;
            }
            if (indexByCode[code] >= 0) {
                throw new IllegalArgumentException("cells " + indexByCode[code] + " and "
                        + index + " have the same operations");
            }
            indexByCode[code] = index;
        }
        return indexByCode;
    }

    private static double[][] perDataset(String name, double[][] values, int cells) {
        return columns(name, values, Nb201Dataset.values().length, cells);
    }

    private static double[][] columns(String name, double[][] values, int count, int cells) {
        checkLength(name, values.length, count);
        List<double[]> copies = new ArrayList<>();
        for (double[] column : values) {
            checkLength(name + " column", column.length, cells);
            copies.add(column.clone());
        }
        return copies.toArray(double[][]::new);
    }

    private static void checkLength(String name, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(name + " has " + actual + " entries, expected "
                    + expected);
        }
    }

    private static int pow(int base, int exponent) {
        int result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }
}
