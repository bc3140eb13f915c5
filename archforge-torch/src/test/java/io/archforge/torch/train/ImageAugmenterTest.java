package io.archforge.torch.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import io.archforge.space.Hyperparameters.Augmentation;
import io.archforge.torch.data.DataSources;
import io.archforge.torch.data.ImageDataset;
import org.junit.jupiter.api.Test;

class ImageAugmenterTest {

    @Test
    void shiftMovesPixelsAndFillsBackground() {
        float[] image = {1, 2, 3, 4, 5, 6, 7, 8, 9};

        ImageAugmenter.shift(image, 0, 3, 3, 1, -1);

        assertThat(image).containsExactly(-1, -1, -1, 2, 3, -1, 5, 6, -1);
    }

    @Test
    void flipMirrorsEachRowAtItsOffset() {
        float[] images = {0, 1, 2, 3, 4, 5, 6, 7};

        ImageAugmenter.flip(images, 2, 2, 3);

        assertThat(images).containsExactly(0, 1, 4, 3, 2, 7, 6, 5);
    }

    @Test
    void onlyShuffledBatchesAreAugmented() {
        ImageDataset images = DataSources.shippedFashionMnistSubset().train();
        Batches plain = new Batches(images, 16, 7);
        Batches augmented = new Batches(images, 16, 7, Augmentation.BOTH);
        plain.shuffle();
        augmented.shuffle();
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            // The same shuffle, other pixels
            assertThat(augmented.labels(manager, 0).toLongArray())
                    .containsExactly(plain.labels(manager, 0).toLongArray());
            assertThat(augmented.images(manager, 0).toFloatArray())
                    .isNotEqualTo(plain.images(manager, 0).toFloatArray());

            // Batches in dataset order, as validation reads them, stay unchanged
            assertThat(augmented.range(manager, 0, 16).toFloatArray())
                    .containsExactly(plain.range(manager, 0, 16).toFloatArray());
        }
    }

    @Test
    void noneLeavesImagesUnchanged() {
        ImageDataset images = DataSources.shippedFashionMnistSubset().train();
        Batches plain = new Batches(images, 8, 3);
        Batches none = new Batches(images, 8, 3, Augmentation.NONE);
        plain.shuffle();
        none.shuffle();
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            assertThat(none.images(manager, 1).toFloatArray())
                    .containsExactly(plain.images(manager, 1).toFloatArray());
        }
    }
}
