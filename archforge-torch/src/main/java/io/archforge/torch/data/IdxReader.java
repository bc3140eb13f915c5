package io.archforge.torch.data;

import java.io.BufferedInputStream;
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
 * accepted. Every problem raises a {@link DataFileException} naming the file.
 */
public final class IdxReader {
    private static final int UNSIGNED_BYTE = 0x08;
    private static final int IMAGE_DIMENSIONS = 3;
    private static final int LABEL_DIMENSIONS = 1;

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

    private static IdxArray parse(String name, byte[] bytes, int expectedDimensions) {
        if (bytes.length < 4) {
            throw new DataFileException(name + " is truncated: " + bytes.length
                    + " bytes, too short for an IDX magic number");
        }

        // Magic number, then one count per dimension
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int magic = buffer.getInt();
        int expectedMagic = (UNSIGNED_BYTE << 8) | expectedDimensions;
        if (magic != expectedMagic) {
            throw new DataFileException(String.format(Locale.ROOT,
                    "%s has bad magic number 0x%08X, expected 0x%08X (unsigned bytes, %d %s)",
                    name, magic, expectedMagic, expectedDimensions,
                    expectedDimensions == 1 ? "dimension: a label file" : "dimensions: images"));
        }
        int headerSize = 4 + 4 * expectedDimensions;
        if (bytes.length < headerSize) {
            throw new DataFileException(name + " is truncated: " + bytes.length
                    + " bytes, shorter than the " + headerSize + "-byte IDX header");
        }

        int[] dimensions = new int[expectedDimensions];
        long valueCount = 1;
        for (int i = 0; i < expectedDimensions; i++) {
            dimensions[i] = buffer.getInt();
            if (dimensions[i] < 0 || (i > 0 && dimensions[i] == 0)) {
                throw new DataFileException(name + " has invalid dimension " + i + ": "
                        + Integer.toUnsignedString(dimensions[i]));
            }
            valueCount *= dimensions[i];
        }

        // Exactly the declared number of values
        long actual = bytes.length - (long) headerSize;
        if (actual < valueCount) {
            throw new DataFileException(name + " is truncated: the header of shape "
                    + Arrays.toString(dimensions) + " promises " + valueCount
                    + " values but only " + actual + " follow");
        }
        if (actual > valueCount) {
            throw new DataFileException(name + " has " + (actual - valueCount)
                    + " bytes after the " + valueCount + " values its header declares");
        }
        return new IdxArray(dimensions, Arrays.copyOfRange(bytes, headerSize, bytes.length));
    }

    private static byte[] readFile(Path path) {
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
        try (BufferedInputStream stream = new BufferedInputStream(raw)) {
            return isGzip(stream) ? gunzip(name, stream) : stream.readAllBytes();
        } catch (IOException e) {
            throw new DataFileException("failed to read " + name + ": " + e.getMessage(), e);
        }
    }

    private static boolean isGzip(BufferedInputStream stream) throws IOException {
        stream.mark(2);
        int first = stream.read();
        int second = stream.read();
        stream.reset();
        return first == 0x1f && second == 0x8b;
    }

    private static byte[] gunzip(String name, InputStream stream) {
        try (GZIPInputStream gzip = new GZIPInputStream(stream)) {
            return gzip.readAllBytes();
        } catch (EOFException e) {
            throw new DataFileException(name + " is truncated: the gzip stream ends early", e);
        } catch (ZipException e) {
            throw new DataFileException(name + " is not a valid gzip file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DataFileException("failed to decompress " + name + ": " + e.getMessage(), e);
        }
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
