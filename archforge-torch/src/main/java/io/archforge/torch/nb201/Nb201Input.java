package io.archforge.torch.nb201;

import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Locale;

/**
 * The input images and class count of a NAS-Bench-201 network.
 *
 * @param channels image channels
 * @param side image height and width in pixels
 * @param classes number of output logits
 */
public record Nb201Input(int channels, int side, int classes) {

    /** The data set names {@link #of} accepts. */
    public static final List<String> DATASETS = List.of("cifar10", "cifar100", "imagenet16-120");

    public Nb201Input {
        if (channels < 1 || classes < 2) {
            throw new IllegalArgumentException("an NAS-Bench-201 input needs at least 1 channel"
                    + " and 2 classes, got " + channels + " and " + classes);
        }
        if (side < 4 || side % 4 != 0) {
            throw new IllegalArgumentException("image side must be a multiple of 4 and at least"
                    + " 4, because two reduction blocks halve it, got " + side);
        }
    }

    /**
     * Returns the input of a NAS-Bench-201 data set: {@code cifar10} (3x32x32, 10
     * classes), {@code cifar100} (3x32x32, 100) or {@code imagenet16-120} (3x16x16, 120).
     *
     * @throws IllegalArgumentException naming the allowed data sets
     */
    public static Nb201Input of(String dataset) {
        return switch (dataset.toLowerCase(Locale.ROOT)) {
            case "cifar10" -> new Nb201Input(3, 32, 10);
            case "cifar100" -> new Nb201Input(3, 32, 100);
            case "imagenet16-120" -> new Nb201Input(3, 16, 120);
            default -> throw new IllegalArgumentException("unknown NAS-Bench-201 data set '"
                    + dataset + "'; expected one of " + String.join(", ", DATASETS));
        };
    }

    /** Returns the shape of a batch of {@code size} images, channels first. */
    public Shape batchShape(long size) {
        return new Shape(size, channels, side, side);
    }

    /** Values per image. */
    public int imageSize() {
        return channels * side * side;
    }
}
