package io.archforge.torch.proxy;

import io.archforge.torch.data.ImageDataset;
import io.archforge.torch.nb201.Nb201Input;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Creates the one batch a data-dependent proxy reads: Gaussian noise, or images of a
 * grey-scale data set such as Fashion-MNIST resized and copied into every channel. Both
 * are a stand-in: NAS-Bench-201 trains on CIFAR and ImageNet16-120, which are not
 * shipped, so data-dependent scores are not comparable with published ones.
 */
public final class ProxyBatches {

    private ProxyBatches() {
    }

    /**
     * Draws {@code size} images of independent standard normal values and uniform
     * labels from {@code seed}.
     */
    public static ProxyBatch noise(Nb201Input input, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] images = new float[size * input.imageSize()];
        for (int i = 0; i < images.length; i++) {
            images[i] = (float) gaussian(random);
        }
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            labels[i] = random.nextInt(input.classes());
        }
        return new ProxyBatch(input, images, labels, "Gaussian noise N(0, 1), seed " + seed);
    }

    /**
     * Picks {@code size} distinct images of {@code data} from {@code seed}, scales pixels
     * to [-1, 1], resizes them bilinearly to the input side and repeats the grey channel
     * in every input channel.
     *
     * @param name the data set name, for reports
     * @throws IllegalArgumentException when the data set has fewer images, more classes
     *     than the network or more than one channel per pixel
     */
    public static ProxyBatch fromImages(ImageDataset data, String name, Nb201Input input,
            int size, long seed) {
        if (size > data.size()) {
            throw new IllegalArgumentException("batch size " + size + " exceeds the "
                    + data.size() + " images of " + name);
        }
        if (data.classCount() > input.classes()) {
            throw new IllegalArgumentException(name + " has " + data.classCount()
                    + " classes but the network only " + input.classes());
        }
        int[] chosen = distinctIndices(data.size(), size, new SplittableRandom(seed));
        float[] source = new float[data.imageSize()];
        float[] images = new float[size * input.imageSize()];
        int[] labels = new int[size];
        int plane = input.side() * input.side();
        for (int i = 0; i < size; i++) {
            data.copyNormalized(chosen[i], source, 0);
            float[] resized = resize(source, data.rows(), data.columns(), input.side());
            for (int channel = 0; channel < input.channels(); channel++) {
                System.arraycopy(resized, 0, images,
                        i * input.imageSize() + channel * plane, plane);
            }
            labels[i] = data.label(chosen[i]);
        }
        String description = String.format(Locale.ROOT, "%d images of %s resized from %dx%d"
                + " to %dx%d, seed %d", size, name, data.rows(), data.columns(), input.side(),
                input.side(), seed);
        return new ProxyBatch(input, images, labels, description);
    }

    /** Resizes one image bilinearly, aligning pixel centres (as OpenCV and PIL do). */
    static float[] resize(float[] image, int rows, int columns, int side) {
        float[] out = new float[side * side];
        for (int y = 0; y < side; y++) {
            double sy = clamp((y + 0.5) * rows / side - 0.5, rows - 1);
            int y0 = (int) Math.floor(sy);
            int y1 = Math.min(y0 + 1, rows - 1);
            double wy = sy - y0;
            for (int x = 0; x < side; x++) {
                double sx = clamp((x + 0.5) * columns / side - 0.5, columns - 1);
                int x0 = (int) Math.floor(sx);
                int x1 = Math.min(x0 + 1, columns - 1);
                double wx = sx - x0;
                double top = image[y0 * columns + x0] * (1 - wx) + image[y0 * columns + x1] * wx;
                double bottom = image[y1 * columns + x0] * (1 - wx)
                        + image[y1 * columns + x1] * wx;
                out[y * side + x] = (float) (top * (1 - wy) + bottom * wy);
            }
        }
        return out;
    }

    private static double clamp(double value, int max) {
        return Math.max(0, Math.min(max, value));
    }

    private static int[] distinctIndices(int count, int size, SplittableRandom random) {
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = i;
        }
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(count - i);
            int swap = indices[i];
            indices[i] = indices[j];
            indices[j] = swap;
        }
        return java.util.Arrays.copyOf(indices, size);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; SplittableRandom has no nextGaussian before Java 17's RandomGenerator
        // default, whose algorithm may change between releases.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
