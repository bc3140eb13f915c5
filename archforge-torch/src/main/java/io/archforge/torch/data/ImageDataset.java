package io.archforge.torch.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable set of single-channel images with integer class labels.
 *
 * <p>Pixels are stored as unsigned bytes, row-major, one image after another;
 * {@link #copyNormalized} scales them to [-1, 1] for training. The arrays are copied
 * on the way in and never handed out.
 */
public final class ImageDataset {
    private final byte[] pixels;
    private final int[] labels;
    private final int rows;
    private final int columns;
    private final int classCount;

    /**
     * Creates a dataset.
     *
     * @param pixels {@code labels.length * rows * columns} unsigned pixel values
     * @param labels one class index per image, each in {@code [0, classCount)}
     * @throws IllegalArgumentException when the sizes do not match or a label is out of range
     */
    public ImageDataset(byte[] pixels, int[] labels, int rows, int columns, int classCount) {
        Objects.requireNonNull(pixels, "pixels");
        Objects.requireNonNull(labels, "labels");
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException(
                    "image size must be positive, got " + rows + "x" + columns);
        }
        if ((long) labels.length * rows * columns != pixels.length) {
            throw new IllegalArgumentException("expected " + labels.length + " images of "
                    + rows + "x" + columns + " pixels, got " + pixels.length + " pixels");
        }
        for (int label : labels) {
            if (label < 0 || label >= classCount) {
                throw new IllegalArgumentException("label " + label
                        + " is outside [0, " + classCount + "); pass the right class count");
            }
        }
        this.pixels = pixels.clone();
        this.labels = labels.clone();
        this.rows = rows;
        this.columns = columns;
        this.classCount = classCount;
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** Number of classes; labels lie in {@code [0, classCount)}. */
    public int classCount() {
        return classCount;
    }

    /**
     * Returns these images with {@code count} classes, for a fixed class list of which
     * some classes may have no image here.
     *
     * @throws IllegalArgumentException when a label is {@code count} or more
     */
    public ImageDataset withClassCount(int count) {
        return new ImageDataset(pixels, labels, rows, columns, count);
    }

    /** Pixels per image. */
    public int imageSize() {
        return rows * columns;
    }

    public int label(int index) {
        return labels[index];
    }

    /** Returns the unsigned value (0 to 255) of one pixel of one image. */
    public int pixel(int index, int offset) {
        return Byte.toUnsignedInt(pixels[index * imageSize() + offset]);
    }

    /** Counts the images of each class. */
    public int[] classCounts() {
        int[] counts = new int[classCount];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * Writes image {@code index} into {@code target} at {@code offset}, scaled from
     * [0, 255] to [-1, 1].
     */
    public void copyNormalized(int index, float[] target, int offset) {
        int size = imageSize();
        int start = index * size;
        for (int i = 0; i < size; i++) {
            target[offset + i] = Byte.toUnsignedInt(pixels[start + i]) / 127.5f - 1f;
        }
    }

    /** Returns the images at {@code indices}, in that order, with the same class count. */
    public ImageDataset select(int[] indices) {
        int size = imageSize();
        byte[] chosenPixels = new byte[indices.length * size];
        int[] chosenLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * size, chosenPixels, i * size, size);
            chosenLabels[i] = labels[indices[i]];
        }
        return new ImageDataset(chosenPixels, chosenLabels, rows, columns, classCount);
    }

    @Override
    public String toString() {
        return size() + " images of " + rows + "x" + columns + ", " + classCount + " classes, "
                + "per class " + Arrays.toString(classCounts());
    }
}
