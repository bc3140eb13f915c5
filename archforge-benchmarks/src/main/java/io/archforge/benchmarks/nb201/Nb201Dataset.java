package io.archforge.benchmarks.nb201;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The three image classification data sets of NAS-Bench-201 (Dong and Yang, ICLR 2020),
 * with the input size and class count the benchmark's networks were built for.
 */
public enum Nb201Dataset {
    CIFAR10("cifar10", 10, 32),
    CIFAR100("cifar100", 100, 32),
    IMAGENET16_120("imagenet16-120", 120, 16);

    private final String id;
    private final int classes;
    private final int imageSize;

    Nb201Dataset(String id, int classes, int imageSize) {
        this.id = id;
        this.classes = classes;
        this.imageSize = imageSize;
    }

    /** The name used on the command line and in stored studies, such as {@code cifar10}. */
    public String id() {
        return id;
    }

    /** The number of classes, the width of the classifier's output. */
    public int classes() {
        return classes;
    }

    /** The side of the square input image in pixels: 32 for CIFAR, 16 for ImageNet16-120. */
    public int imageSize() {
        return imageSize;
    }

    /**
     * Returns the data set named {@code name}, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the valid names
     */
    public static Nb201Dataset parse(String name) {
        Objects.requireNonNull(name, "name");
        String requested = name.trim().toLowerCase(Locale.ROOT);
        for (Nb201Dataset dataset : values()) {
            if (dataset.id.equals(requested)) {
                return dataset;
            }
        }
        throw new IllegalArgumentException("unknown NAS-Bench-201 data set '" + name
                + "'; valid names: " + names());
    }

    /** The valid names, comma separated, in declaration order. */
    public static String names() {
        return Arrays.stream(values()).map(Nb201Dataset::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
