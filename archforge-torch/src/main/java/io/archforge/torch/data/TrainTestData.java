package io.archforge.torch.data;

import java.util.Objects;

/**
 * A dataset's training and test images, and where they were read from.
 *
 * @param train the training images, from which validation images are carved
 * @param test the test images, never used during a search
 * @param source a human-readable description of the files read, for logs and provenance
 */
public record TrainTestData(ImageDataset train, ImageDataset test, String source) {

    public TrainTestData {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(source, "source");
        if (train.rows() != test.rows() || train.columns() != test.columns()) {
            throw new IllegalArgumentException("training images are " + train.rows() + "x"
                    + train.columns() + " but test images are " + test.rows() + "x"
                    + test.columns() + " in " + source);
        }
    }

    /** Returns the larger of the two splits' class counts. */
    public int classCount() {
        return Math.max(train.classCount(), test.classCount());
    }
}
