package io.archforge.torch.data;

/**
 * Checks the class labels of a data set before a model is sized by them, because a
 * single stray label value would otherwise add output classes that no image has.
 *
 * <ul>
 *   <li>Fashion-MNIST: every label is one of the ten classes 0 to 9, and the data set
 *       has ten classes even when a small directory lacks some of them.</li>
 *   <li>Other IDX data: the training labels number the classes 0 to N-1 with no gap,
 *       so every class from 0 to the largest label has a training image, and every test
 *       label is one of those N classes.</li>
 * </ul>
 */
enum LabelRules {

    /** The ten Fashion-MNIST classes, T-shirt/top (0) to ankle boot (9). */
    FASHION_MNIST {
        @Override
        TrainTestData apply(TrainTestData data, String trainLabels, String testLabels) {
            requireBelow(data.train(), FASHION_MNIST_CLASSES, trainLabels);
            requireBelow(data.test(), FASHION_MNIST_CLASSES, testLabels);
            return new TrainTestData(data.train().withClassCount(FASHION_MNIST_CLASSES),
                    data.test().withClassCount(FASHION_MNIST_CLASSES), data.source());
        }
    },

    /** Classes 0 to N-1, each present in the training labels. */
    IDX {
        @Override
        TrainTestData apply(TrainTestData data, String trainLabels, String testLabels) {
            int[] counts = data.train().classCounts();
            for (int label = 0; label < counts.length; label++) {
                if (counts[label] == 0) {
                    throw new DataFileException(trainLabels + " has labels up to "
                            + (counts.length - 1) + " but none of class " + label
                            + "; the training labels must number the classes 0 to N-1 with"
                            + " every class present: renumber the labels without gaps");
                }
            }
            ImageDataset test = data.test();
            for (int i = 0; i < test.size(); i++) {
                if (test.label(i) >= counts.length) {
                    throw new DataFileException(testLabels + " has label " + test.label(i)
                            + " at index " + i + ", but the training labels are 0 to "
                            + (counts.length - 1) + "; every test label must be a class of"
                            + " the training split");
                }
            }
            return data;
        }
    };

    /** The number of Fashion-MNIST classes. */
    static final int FASHION_MNIST_CLASSES = 10;

    /**
     * Checks {@code data} and returns it with the class count this rule sets.
     *
     * @param trainLabels the training label file, for messages
     * @param testLabels the test label file, for messages
     * @throws DataFileException naming the file, the bad label and its index
     */
    abstract TrainTestData apply(TrainTestData data, String trainLabels, String testLabels);

    private static void requireBelow(ImageDataset images, int classes, String labels) {
        for (int i = 0; i < images.size(); i++) {
            if (images.label(i) >= classes) {
                throw new DataFileException(labels + " has label " + images.label(i)
                        + " at index " + i + ", but Fashion-MNIST labels are 0 to "
                        + (classes - 1) + "; check the files, or read other data with"
                        + " --dataset idx:DIR");
            }
        }
    }
}
