package io.archforge.torch.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.archforge.space.Hyperparameters.Augmentation;
import io.archforge.torch.data.ImageDataset;
import java.util.SplittableRandom;

/**
 * Cuts a dataset into input and label arrays, in a seeded shuffled order or in order.
 * Batches in the shuffled order may be augmented; batches in dataset order never are.
 */
public final class Batches {
    /** Mixed into the seed of the augmentation draws, so they differ from the shuffle's. */
    private static final long AUGMENTATION_SALT = 0x9E3779B97F4A7C15L;

    private final ImageDataset images;
    private final int batchSize;
    private final int[] order;
    private final SplittableRandom random;
    private final ImageAugmenter augmenter;

    /** Creates batches of {@code batchSize} images of {@code images}, shuffled with {@code seed}. */
    public Batches(ImageDataset images, int batchSize, long seed) {
        this(images, batchSize, seed, Augmentation.NONE);
    }

    /**
     * Creates batches of {@code batchSize} images of {@code images}, shuffled with
     * {@code seed}, whose shuffled batches get {@code augmentation}. The shuffle does not
     * depend on the augmentation.
     */
    public Batches(ImageDataset images, int batchSize, long seed, Augmentation augmentation) {
        this.images = images;
        this.batchSize = batchSize;
        this.order = new int[images.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        this.random = new SplittableRandom(seed);
        this.augmenter = new ImageAugmenter(augmentation, seed ^ AUGMENTATION_SALT);
    }

    /** Draws a new order of all images (Fisher-Yates). */
    public void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /**
     * Creates the images of batch {@code index} in the current order, augmented:
     * [batch, 1, rows, cols].
     */
    public NDArray images(NDManager manager, int index) {
        return pixels(manager, index * batchSize, batchSize, true);
    }

    /** Creates the int64 labels of batch {@code index} in the current order. */
    public NDArray labels(NDManager manager, int index) {
        return labels(manager, index * batchSize, batchSize, true);
    }

    /** Creates images {@code start .. start+size-1} in dataset order. */
    public NDArray range(NDManager manager, int start, int size) {
        return pixels(manager, start, size, false);
    }

    /** Creates labels {@code start .. start+size-1} in dataset order. */
    public NDArray labelRange(NDManager manager, int start, int size) {
        return labels(manager, start, size, false);
    }

    private NDArray pixels(NDManager manager, int start, int size, boolean shuffled) {
        int imageSize = images.imageSize();
        float[] values = new float[size * imageSize];
        for (int i = 0; i < size; i++) {
            int index = shuffled ? order[start + i] : start + i;
            images.copyNormalized(index, values, i * imageSize);
            if (shuffled && augmenter.changesImages()) {
                augmenter.apply(values, i * imageSize, images.rows(), images.columns());
            }
        }
        return manager.create(values, new Shape(size, 1, images.rows(), images.columns()));
    }

    private NDArray labels(NDManager manager, int start, int size, boolean shuffled) {
        long[] values = new long[size];
        for (int i = 0; i < size; i++) {
            values[i] = images.label(shuffled ? order[start + i] : start + i);
        }
        return manager.create(values);
    }
}
