package io.archforge.benchmarks.nb201;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The binary form of {@link Nb201Table}: one gzip stream of big-endian values.
 *
 * <pre>
 * int     magic 0x4146_3231, int version 1
 * int     cells, int edges (6)
 * int     data sets, then each id as modified UTF-8 (cifar10, cifar100, imagenet16-120)
 * int     devices, then each name as modified UTF-8
 * byte    cells x edges operation indices, cell by cell, edges in gene order
 * int     cells isomorphism class ids
 * double  cells x data sets: 200-epoch test accuracy, one column per data set
 * double  cells x data sets: 12-epoch validation accuracy, one column per data set
 * double  cells x data sets: 12-epoch test accuracy, one column per data set
 * double  cells x devices: latency in ms, one column per device
 * </pre>
 *
 * Doubles are stored exactly as parsed from the source tables, so no value is rounded.
 */
final class Nb201TableFormat {

    static final int MAGIC = 0x4146_3231;
    static final int VERSION = 1;

    private Nb201TableFormat() {
    }

    /** Reads a table written by {@link #write}. */
    static Nb201Table read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new GZIPInputStream(in, 1 << 16));
        readHeader(data);
        int cells = data.readInt();
        int edges = data.readInt();
        if (cells <= 0 || edges != Nb201Table.EDGES) {
            throw new IOException("invalid NAS-Bench-201 table shape: " + cells + " cells, "
                    + edges + " edges");
        }
        checkDatasets(data);
        List<String> devices = readStrings(data);
        byte[] operations = new byte[cells * edges];
        data.readFully(operations);
        int[] isoClasses = new int[cells];
        ByteBuffer.wrap(readBytes(data, cells * Integer.BYTES)).asIntBuffer().get(isoClasses);
        int datasets = Nb201Dataset.values().length;
        double[][] test = readColumns(data, datasets, cells);
        double[][] valid12 = readColumns(data, datasets, cells);
        double[][] test12 = readColumns(data, datasets, cells);
        double[][] latencies = readColumns(data, devices.size(), cells);
        if (data.read() != -1) {
            throw new IOException("NAS-Bench-201 table has trailing data");
        }
        return new Nb201Table(operations, isoClasses, test, valid12, test12, devices, latencies);
    }

    /** Writes {@code table}; the output is the same byte for byte for the same table. */
    static void write(Nb201Table table, OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream data = new DataOutputStream(new BufferedOutputStream(gzip));
        int cells = table.size();

        // Header: format, shape, data set ids, device names.
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(cells);
        data.writeInt(Nb201Table.EDGES);
        data.writeInt(Nb201Dataset.values().length);
        for (Nb201Dataset dataset : Nb201Dataset.values()) {
            data.writeUTF(dataset.id());
        }
        data.writeInt(table.devices().size());
        for (String device : table.devices()) {
            data.writeUTF(device);
        }

        // Columns: operations, isomorphism classes, accuracies, latencies.
        for (int index = 0; index < cells; index++) {
            for (int gene : table.genes(index)) {
                data.writeByte(gene);
            }
        }
        for (int index = 0; index < cells; index++) {
            data.writeInt(table.isoClass(index));
        }
        writeAccuracies(table, data);
        for (int device = 0; device < table.devices().size(); device++) {
            for (int index = 0; index < cells; index++) {
                data.writeDouble(table.latencyMs(index, device));
            }
        }

        data.flush();
        gzip.finish();
    }

    private static void writeAccuracies(Nb201Table table, DataOutputStream data)
            throws IOException {
        for (Nb201Dataset dataset : Nb201Dataset.values()) {
            for (int index = 0; index < table.size(); index++) {
                data.writeDouble(table.testAccuracy(index, dataset));
            }
        }
        for (Nb201Dataset dataset : Nb201Dataset.values()) {
            for (int index = 0; index < table.size(); index++) {
                data.writeDouble(table.validAccuracy12(index, dataset));
            }
        }
        for (Nb201Dataset dataset : Nb201Dataset.values()) {
            for (int index = 0; index < table.size(); index++) {
                data.writeDouble(table.testAccuracy12(index, dataset));
            }
        }
    }

    private static void readHeader(DataInputStream data) throws IOException {
        int magic = data.readInt();
        if (magic != MAGIC) {
            throw new IOException("not a NAS-Bench-201 table: magic number 0x"
                    + Integer.toHexString(magic) + ", expected 0x" + Integer.toHexString(MAGIC));
        }
        int version = data.readInt();
        if (version != VERSION) {
            throw new IOException("NAS-Bench-201 table format version " + version
                    + " is not supported; this build reads version " + VERSION);
        }
    }

    private static void checkDatasets(DataInputStream data) throws IOException {
        List<String> stored = readStrings(data);
        List<String> expected = new ArrayList<>();
        for (Nb201Dataset dataset : Nb201Dataset.values()) {
            expected.add(dataset.id());
        }
        if (!stored.equals(expected)) {
            throw new IOException("NAS-Bench-201 table lists data sets " + stored
                    + ", expected " + expected);
        }
    }

    private static List<String> readStrings(DataInputStream data) throws IOException {
        int count = data.readInt();
        if (count < 0 || count > 1_000) {
            throw new IOException("invalid name count " + count + " in NAS-Bench-201 table");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(data.readUTF());
        }
        return names;
    }

    private static double[][] readColumns(DataInputStream data, int columns, int cells)
            throws IOException {
        double[][] values = new double[columns][cells];
        for (double[] column : values) {
            ByteBuffer.wrap(readBytes(data, cells * Double.BYTES)).asDoubleBuffer().get(column);
        }
        return values;
    }

    private static byte[] readBytes(DataInputStream data, int length) throws IOException {
        byte[] bytes = new byte[length];
        data.readFully(bytes);
        return bytes;
    }
}
