package io.archforge.torch.supernet;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.archforge.torch.data.ImageDataset;
import io.archforge.torch.train.Batches;
import io.archforge.torch.train.TrainingStep;

/**
 * Cuts single-channel images into batches of images and int64 labels, in a seeded
 * shuffled order or in dataset order. A last partial batch is dropped.
 *
 * <p>Images are created as channels-last views [batch, 1, rows, cols] of the same
 * memory, as the project's {@code TrainingStep} feeds them: with one channel both
 * layouts hold the same bytes, and libtorch's oneDNN convolutions then run channels-last.
 */
final class ImageBatches {

    private final Batches batches;
    private final int count;

    /**
     * Creates batches in dataset order until the first {@link #shuffle}.
     *
     * @throws IllegalArgumentException when the images are fewer than one batch
     */
    ImageBatches(ImageDataset images, int batchSize, long seed) {
        if (batchSize < 1 || images.size() < batchSize) {
            throw new IllegalArgumentException("need at least one batch of " + batchSize
                    + " images, got " + images.size() + " images");
        }
        this.batches = new Batches(images, batchSize, seed);
        this.count = images.size() / batchSize;
    }

    /** Returns the number of whole batches. */
    int count() {
        return count;
    }

    /** Draws a new order of all images. */
    void shuffle() {
        batches.shuffle();
    }

    /** Creates the images and labels of batch {@code index} in the current order. */
    NDList batch(NDManager manager, int index) {
        return new NDList(TrainingStep.channelsLast(batches.images(manager, index)),
                batches.labels(manager, index));
    }
}
