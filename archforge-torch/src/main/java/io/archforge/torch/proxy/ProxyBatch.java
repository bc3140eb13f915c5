package io.archforge.torch.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.archforge.torch.nb201.Nb201Input;
import java.util.Objects;

/**
 * One batch of images with class labels for the data-dependent proxies, channels first,
 * already in the network's input shape. Immutable: arrays are copied on the way in and
 * never handed out.
 */
public final class ProxyBatch {

    private final Nb201Input input;
    private final float[] images;
    private final int[] labels;
    private final String source;

    /**
     * Creates a batch.
     *
     * @param images {@code labels.length * input.imageSize()} values
     * @param labels one class per image, each in {@code [0, input.classes())}
     * @param source what the images are, for reports
     */
    public ProxyBatch(Nb201Input input, float[] images, int[] labels, String source) {
        this.input = Objects.requireNonNull(input, "input");
        this.source = Objects.requireNonNull(source, "source");
        if (labels.length < 2) {
            throw new IllegalArgumentException("a proxy batch needs at least 2 images, got "
                    + labels.length);
        }
        if ((long) labels.length * input.imageSize() != images.length) {
            throw new IllegalArgumentException("expected " + labels.length + " images of "
                    + input.imageSize() + " values, got " + images.length + " values");
        }
        for (int label : labels) {
            if (label < 0 || label >= input.classes()) {
                throw new IllegalArgumentException("label " + label + " is outside [0, "
                        + input.classes() + ")");
            }
        }
        this.images = images.clone();
        this.labels = labels.clone();
    }

    public Nb201Input input() {
        return input;
    }

    /** Returns the number of images. */
    public int size() {
        return labels.length;
    }

    public String source() {
        return source;
    }

    /** Creates the images as a float32 array [size, channels, side, side] in {@code manager}. */
    public NDArray images(NDManager manager) {
        // The returned copy lives in memory that libtorch owns, not in a Java buffer.
        try (NDArray source = manager.create(images, input.batchShape(size()))) {
            return source.duplicate();
        }
    }

    /** Creates the labels as an int64 array [size] in {@code manager}. */
    public NDArray labels(NDManager manager) {
        try (NDArray ints = manager.create(labels)) {
            return ints.toType(DataType.INT64, true);
        }
    }
}
