package io.archforge.torch.data;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads image and label files in the IDX format of MNIST and Fashion-MNIST.
 *
 * <p>An IDX file starts with a magic number: two zero bytes, a type byte ({@code 0x08}
 * for unsigned bytes, the only type read here) and the number of dimensions (3 for
 * images, 1 for labels). Then each dimension follows as a big-endian 32-bit count, then
 * the values. Files may be gzipped; the reader detects that from the content, not the
 * name. Any image size and any number of classes (the largest label plus one) are
 * accepted. A header that declares more values than the file can contain is rejected
 * before the values are allocated. Every problem raises a {@link DataFileException}
 * naming the file.
 */
public final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;
    private static final int IMAGE_DIMENSIONS = 3;
    private static final int LABEL_DIMENSIONS = 1;

    /** The maximum number of values in one file: the largest byte array the JVM allocates. */
    private static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    /**
     * The largest ratio of output to input that deflate can reach, the theoretical limit of
     * 1032:1 that zlib's technical details (zlib.net/zlib_tech.html) derive. It bounds the
     * number of values a gzipped file of a given size can contain.
     */
    private static final long MAX_DEFLATE_RATIO = 1032;

    private IdxReader() {
    }

    /**
     * Reads an image file and its label file.
     *
     * @throws DataFileException when a file is missing or corrupt, or the counts differ
     */
    public static ImageDataset read(Path images, Path labels) {
        return read(images.toString(), readFile(images), labels.toString(), readFile(labels));
    }

    /**
     * Reads an image stream and its label stream, such as class-path resources.
     *
     * @param imagesName the name used in error messages
     * @param labelsName the name used in error messages
     * @throws DataFileException when a stream is corrupt or the counts differ
     */
    public static ImageDataset read(String imagesName, InputStream images,
            String labelsName, InputStream labels) {
        return read(imagesName, readStream(imagesName, images),
                labelsName, readStream(labelsName, labels));
    }

    private static ImageDataset read(String imagesName, byte[] imageBytes,
            String labelsName, byte[] labelBytes) {
        IdxArray images = parse(imagesName, imageBytes, IMAGE_DIMENSIONS);
        IdxArray labels = parse(labelsName, labelBytes, LABEL_DIMENSIONS);
        int count = images.dimensions()[0];
        if (labels.dimensions()[0] != count) {
            throw new DataFileException("image and label counts differ: " + imagesName
                    + " has " + count + " images but " + labelsName + " has "
                    + labels.dimensions()[0] + " labels");
        }
        int[] labelValues = new int[count];
        int classCount = 0;
        for (int i = 0; i < count; i++) {
            labelValues[i] = Byte.toUnsignedInt(labels.values()[i]);
            classCount = Math.max(classCount, labelValues[i] + 1);
        }
        return new ImageDataset(images.values(), labelValues,
                images.dimensions()[1], images.dimensions()[2], classCount);
    }

    /**
     * Parses the raw bytes of one file, gzipped or not. The header's value count is
     * checked against what the file can contain before the values are allocated, so a
     * corrupt header cannot make the reader allocate more than the file's size allows.
     */
    private static IdxArray parse(String name, byte[] raw, int expectedDimensions) {
        boolean gzipped = isGzip(raw);
        try (InputStream in = gzipped ? new GZIPInputStream(new ByteArrayInputStream(raw))
                : new ByteArrayInputStream(raw)) {
            int[] dimensions = readHeader(name, in, expectedDimensions);
            int headerSize = 4 + 4 * expectedDimensions;
            long valueCount = valueCount(name, dimensions);
            long capacity = gzipped ? Math.min(MAX_VALUES, raw.length * MAX_DEFLATE_RATIO)
                    : raw.length - (long) headerSize;
            if (valueCount > capacity) {
                throw tooFewValues(name, dimensions, valueCount, gzipped ? "a gzip file of "
                        + raw.length + " bytes holds at most " + capacity + " values"
                        : "only " + capacity + " follow");
            }
            byte[] values = in.readNBytes((int) valueCount);
            if (values.length < valueCount) {
                throw tooFewValues(name, dimensions, valueCount, "only " + values.length
                        + " follow");
            }
            // Reading past the values also checks the gzip trailer.
            if (in.read() >= 0) {
                String extra = gzipped ? "more bytes"
                        : (raw.length - headerSize - valueCount) + " bytes";
                throw new DataFileException(name + " has " + extra + " after the "
                        + valueCount + " values its header declares");
            }
            return new IdxArray(dimensions, values);
        } catch (EOFException e) {
            throw new DataFileException(name + " is truncated: the gzip stream ends early", e);
        } catch (ZipException e) {
            throw new DataFileException(name + " is not a valid gzip file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DataFileException("failed to decompress " + name + ": " + e.getMessage(), e);
        }
    }

    /** Reads the magic number and the dimensions, checking each. */
    private static int[] readHeader(String name, InputStream in, int expectedDimensions)
            throws IOException {
        byte[] magicBytes = in.readNBytes(4);
        if (magicBytes.length < 4) {
            throw new DataFileException(name + " is truncated: " + magicBytes.length
                    + " bytes, too short for an IDX magic number");
        }
        int magic = ByteBuffer.wrap(magicBytes).getInt();
        int expectedMagic = (UNSIGNED_BYTE << 8) | expectedDimensions;
        if (magic != expectedMagic) {
            throw new DataFileException(String.format(Locale.ROOT,
                    "%s has bad magic number 0x%08X, expected 0x%08X (unsigned bytes, %d %s)",
                    name, magic, expectedMagic, expectedDimensions,
                    expectedDimensions == 1 ? "dimension: a label file" : "dimensions: images"));
        }
        int headerSize = 4 + 4 * expectedDimensions;
        byte[] counts = in.readNBytes(4 * expectedDimensions);
        if (counts.length < 4 * expectedDimensions) {
            throw new DataFileException(name + " is truncated: " + (4 + counts.length)
                    + " bytes, shorter than the " + headerSize + "-byte IDX header");
        }
        ByteBuffer buffer = ByteBuffer.wrap(counts);
        int[] dimensions = new int[expectedDimensions];
        for (int i = 0; i < expectedDimensions; i++) {
            dimensions[i] = buffer.getInt();
            if (dimensions[i] < 0 || (i > 0 && dimensions[i] == 0)) {
                throw new DataFileException(name + " has invalid dimension " + i + ": "
                        + Integer.toUnsignedString(dimensions[i]));
            }
        }
        return dimensions;
    }

    /**
     * Returns the product of the dimensions.
     *
     * @throws DataFileException when the product exceeds the largest array Java allocates
     */
    private static long valueCount(String name, int[] dimensions) {
        long count = 1;
        for (int dimension : dimensions) {
            count *= dimension;
            if (count > MAX_VALUES) {
                throw new DataFileException(name + " has a header of shape "
                        + Arrays.toString(dimensions) + ", more than the " + MAX_VALUES
                        + " values one file may hold; the file is corrupt or not an IDX"
                        + " file");
            }
        }
        return count;
    }

    private static DataFileException tooFewValues(String name, int[] dimensions,
            long valueCount, String available) {
        return new DataFileException(name + " is truncated: the header of shape "
                + Arrays.toString(dimensions) + " promises " + valueCount + " values but "
                + available);
    }

    private static byte[] readFile(Path path) {
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            throw new DataFileException(path + " is not a regular file; give the path of an"
                    + " IDX file");
        }
        try (InputStream stream = Files.newInputStream(path)) {
            return readStream(path.toString(), stream);
        } catch (NoSuchFileException e) {
            throw new DataFileException(path + " not found", e);
        } catch (IOException e) {
            throw new DataFileException("failed to read " + path + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readStream(String name, InputStream raw) {
        if (raw == null) {
            throw new DataFileException(name + " not found");
        }
        try (raw) {
            return raw.readAllBytes();
        } catch (IOException e) {
            throw new DataFileException("failed to read " + name + ": " + e.getMessage(), e);
        }
    }

    private static boolean isGzip(byte[] raw) {
        return raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b;
    }

    /** The dimensions and raw values of one IDX file. */
    private static final class IdxArray {
        private final int[] dimensions;
        private final byte[] values;

        IdxArray(int[] dimensions, byte[] values) {
            this.dimensions = dimensions;
            this.values = values;
        }

        int[] dimensions() {
            return dimensions;
        }

        byte[] values() {
            return values;
        }
    }
}
