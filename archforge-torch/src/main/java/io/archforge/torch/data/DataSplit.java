package io.archforge.torch.data;

import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A training set and a validation set carved from the same training images.
 *
 * <p>The split depends only on the data and the split seed, so all trials of a study
 * that uses the same seed are scored on the same validation images. The test set is never part
 * of it.
 *
 * @param train images to fit the weights on
 * @param validation held-out images to score architectures on
 */
public record DataSplit(ImageDataset train, ImageDataset validation) {

    public DataSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
    }

    /**
     * Shuffles {@code images} with {@code seed}, takes the first {@code validationSize}
     * images as the validation set and the next {@code trainSize} as the training set.
     *
     * @param trainSize the number of training images, or 0 for all that remain
     * @throws IllegalArgumentException when the images are too few for the sizes
     */
    public static DataSplit carve(ImageDataset images, int validationSize, int trainSize,
            long seed) {
        if (validationSize < 1 || trainSize < 0) {
            throw new IllegalArgumentException("validation size must be at least 1 and "
                    + "training size at least 0, got " + validationSize + " and " + trainSize);
        }
        int remaining = images.size() - validationSize;
        int trainCount = trainSize == 0 ? remaining : trainSize;
        if (remaining < 1 || trainCount > remaining) {
            throw new IllegalArgumentException("cannot carve " + validationSize
                    + " validation and " + trainCount + " training images from "
                    + images.size() + "; lower the sizes or use a larger dataset");
        }
        int[] order = permutation(images.size(), seed);
        int[] validation = new int[validationSize];
        int[] train = new int[trainCount];
        System.arraycopy(order, 0, validation, 0, validationSize);
        System.arraycopy(order, validationSize, train, 0, trainCount);
        return new DataSplit(images.select(train), images.select(validation));
    }

    /** Returns a Fisher-Yates shuffle of {@code 0 .. size-1} seeded with {@code seed}. */
    public static int[] permutation(int size, long seed) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
