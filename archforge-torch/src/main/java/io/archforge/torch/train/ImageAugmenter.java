package io.archforge.torch.train;

import io.archforge.space.Hyperparameters.Augmentation;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Applies an {@link Augmentation} to normalized single-channel images in place, drawing
 * from its own seeded generator so that the same seed changes the same images alike.
 *
 * <p>A shift moves the image by a whole number of pixels from -{@value #MAX_SHIFT} to
 * {@value #MAX_SHIFT} in each direction, drawn uniformly, and fills the uncovered border
 * with {@link #BACKGROUND}, the normalized value of a black pixel. A flip mirrors the
 * image left to right with probability one half.
 */
final class ImageAugmenter {

    /** The largest shift in pixels, in each direction. */
    static final int MAX_SHIFT = 2;
    /** A pixel of value 0 after scaling from [0, 255] to [-1, 1]. */
    static final float BACKGROUND = -1f;

    private final Augmentation augmentation;
    private final SplittableRandom random;

    /** Creates an augmenter whose draws follow {@code seed}. */
    ImageAugmenter(Augmentation augmentation, long seed) {
        this.augmentation = Objects.requireNonNull(augmentation, "augmentation");
        this.random = new SplittableRandom(seed);
    }

    /** Returns whether the augmenter changes images at all. */
    boolean changesImages() {
        return augmentation != Augmentation.NONE;
    }

    /** Changes the image of {@code rows x columns} pixels at {@code offset} in place. */
    void apply(float[] pixels, int offset, int rows, int columns) {
        if (augmentation.shifts()) {
            int down = random.nextInt(-MAX_SHIFT, MAX_SHIFT + 1);
            int right = random.nextInt(-MAX_SHIFT, MAX_SHIFT + 1);
            shift(pixels, offset, rows, columns, down, right);
        }
        if (augmentation.flips() && random.nextBoolean()) {
            flip(pixels, offset, rows, columns);
        }
    }

    /** Moves the image down by {@code down} and right by {@code right} pixels. */
    static void shift(float[] pixels, int offset, int rows, int columns, int down, int right) {
        float[] source = new float[rows * columns];
        System.arraycopy(pixels, offset, source, 0, source.length);
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                int fromRow = row - down;
                int fromColumn = column - right;
                boolean inside = fromRow >= 0 && fromRow < rows && fromColumn >= 0
                        && fromColumn < columns;
                pixels[offset + row * columns + column] =
                        inside ? source[fromRow * columns + fromColumn] : BACKGROUND;
            }
        }
    }

    /** Mirrors the image left to right. */
    static void flip(float[] pixels, int offset, int rows, int columns) {
        for (int row = 0; row < rows; row++) {
            int start = offset + row * columns;
            for (int left = 0, right = columns - 1; left < right; left++, right--) {
                float swap = pixels[start + left];
                pixels[start + left] = pixels[start + right];
                pixels[start + right] = swap;
            }
        }
    }
}
