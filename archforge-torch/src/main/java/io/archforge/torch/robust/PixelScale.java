package io.archforge.torch.robust;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.archforge.torch.data.ImageDataset;

/**
 * Converts between stored pixels, the [0, 1] pixel scale that attacks perturb on, and
 * the network's input. Training feeds {@link ImageDataset#copyNormalized}'s values,
 * {@code byte / 127.5 - 1} in [-1, 1]. {@link #networkInput} computes
 * {@code (byte / 255) * 2 - 1}, which is the same float32 value bit for bit, because
 * multiplying by 2 commutes with rounding. So an unperturbed image reaches the network
 * exactly as in training and validation.
 */
public final class PixelScale {

    private PixelScale() {
    }

    /**
     * Creates images {@code start .. start+size-1} of {@code images} on the [0, 1] scale,
     * as float32 [size, 1, rows, columns].
     */
    public static NDArray pixels(NDManager manager, ImageDataset images, int start, int size) {
        int imageSize = images.imageSize();
        float[] values = new float[size * imageSize];
        for (int i = 0; i < size; i++) {
            for (int offset = 0; offset < imageSize; offset++) {
                values[i * imageSize + offset] = images.pixel(start + i, offset) / 255f;
            }
        }
        return manager.create(values, new Shape(size, 1, images.rows(), images.columns()));
    }

    /** Creates the int64 labels of images {@code start .. start+size-1}. */
    public static NDArray labels(NDManager manager, ImageDataset images, int start, int size) {
        long[] values = new long[size];
        for (int i = 0; i < size; i++) {
            values[i] = images.label(start + i);
        }
        return manager.create(values);
    }

    /** Returns the network input, in [-1, 1], of pixels on the [0, 1] scale. */
    public static NDArray networkInput(NDArray pixels) {
        return pixels.mul(2f).sub(1f);
    }
}
