package io.archforge.torch.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSourcesTest {
    @TempDir
    Path dir;

    @Test
    void fallsBackToShippedSubset() {
        TrainTestData data = DataSources.load("fashion-mnist", null, dir.resolve("absent"));

        assertThat(data.source()).contains("shipped");
        assertThat(data.train().size()).isEqualTo(6_000);
    }

    @Test
    void readsSystemPackageWhenInstalled() {
        Path system = Path.of(DataSources.SYSTEM_FASHION_MNIST);
        assumeThat(Files.isDirectory(system)).as("dataset-fashion-mnist installed").isTrue();

        TrainTestData data = DataSources.load("fashion-mnist", null);

        assertThat(data.train().size()).isEqualTo(60_000);
        assertThat(data.test().size()).isEqualTo(10_000);
        assertThat(data.train().classCounts()).containsOnly(6_000);
        assertThat(data.source()).contains(DataSources.SYSTEM_FASHION_MNIST);
    }

    @Test
    void readsDataDirectoryAndIdxDirectory() throws IOException {
        writeTinySet(dir);

        TrainTestData fromData = DataSources.load("fashion-mnist", dir);
        TrainTestData fromIdx = DataSources.load("idx:" + dir, null);

        assertThat(fromData.train().size()).isEqualTo(3);
        assertThat(fromData.test().size()).isEqualTo(2);
        assertThat(fromData.source()).contains(dir.toString());
        assertThat(fromIdx.train().size()).isEqualTo(3);
        assertThat(fromIdx.classCount()).isEqualTo(3);
    }

    @Test
    void fashionLabelAboveNineIsRejected() throws IOException {
        writeTinySet(dir, new byte[] {0, 1, (byte) 200}, new byte[] {2, 0});

        assertThatThrownBy(() -> DataSources.load("fashion-mnist", dir))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(dir.resolve("train-labels-idx1-ubyte").toString())
                .hasMessageContaining("label 200 at index 2")
                .hasMessageContaining("0 to 9");
    }

    @Test
    void fashionTestLabelAboveNineIsRejected() throws IOException {
        writeTinySet(dir, new byte[] {0, 1, 2}, new byte[] {2, 10});

        assertThatThrownBy(() -> DataSources.load("fashion-mnist", dir))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("t10k-labels-idx1-ubyte")
                .hasMessageContaining("label 10 at index 1");
    }

    @Test
    void fashionAlwaysHasTenClasses() throws IOException {
        writeTinySet(dir);

        TrainTestData data = DataSources.load("fashion-mnist", dir);

        assertThat(data.classCount()).isEqualTo(10);
        assertThat(data.train().classCount()).isEqualTo(10);
        assertThat(data.test().classCount()).isEqualTo(10);
    }

    @Test
    void idxClassGapIsRejected() throws IOException {
        writeTinySet(dir, new byte[] {0, 2, (byte) 200}, new byte[] {2, 0});

        assertThatThrownBy(() -> DataSources.load("idx:" + dir, null))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(dir.resolve("train-labels-idx1-ubyte").toString())
                .hasMessageContaining("up to 200")
                .hasMessageContaining("none of class 1");
    }

    @Test
    void idxTestLabelAboveTrainingIsRejected() throws IOException {
        writeTinySet(dir, new byte[] {0, 1, 2}, new byte[] {0, 3});

        assertThatThrownBy(() -> DataSources.load("idx:" + dir, null))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(dir.resolve("t10k-labels-idx1-ubyte").toString())
                .hasMessageContaining("label 3 at index 1")
                .hasMessageContaining("0 to 2");
    }

    @Test
    void directoryMissingFilesIsRejected() throws IOException {
        writeTinySet(dir);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));

        assertThatThrownBy(() -> DataSources.load("idx:" + dir, null))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("t10k-labels-idx1-ubyte[.gz]");
    }

    @Test
    void unknownDatasetIsRejected() {
        assertThatThrownBy(() -> DataSources.load("cifar-10", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cifar-10")
                .hasMessageContaining("idx:DIR");
    }

    @Test
    void splitIsDisjointAndRepeatable() {
        ImageDataset train = DataSources.shippedFashionMnistSubset().train();

        DataSplit first = DataSplit.carve(train, 500, 1_000, 3);
        DataSplit again = DataSplit.carve(train, 500, 1_000, 3);
        DataSplit other = DataSplit.carve(train, 500, 1_000, 4);

        assertThat(first.validation().size()).isEqualTo(500);
        assertThat(first.train().size()).isEqualTo(1_000);
        assertThat(fingerprint(first.validation())).isEqualTo(fingerprint(again.validation()));
        assertThat(fingerprint(first.validation())).isNotEqualTo(fingerprint(other.validation()));
        assertThat(DataSplit.carve(train, 500, 0, 3).train().size()).isEqualTo(5_500);
    }

    @Test
    void oversizedSplitIsRejected() {
        ImageDataset train = DataSources.shippedFashionMnistSubset().train();

        assertThatThrownBy(() -> DataSplit.carve(train, 1_000, 5_500, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6000");
    }

    private static long fingerprint(ImageDataset images) {
        long hash = 0;
        for (int i = 0; i < images.size(); i++) {
            hash = hash * 31 + images.label(i) * 1_000 + images.pixel(i, 400);
        }
        return hash;
    }

    private static void writeTinySet(Path dir) throws IOException {
        writeTinySet(dir, new byte[] {0, 1, 2}, new byte[] {2, 0});
    }

    /** Writes 2x2 images with the given training and test labels. */
    private static void writeTinySet(Path dir, byte[] trainLabels, byte[] testLabels)
            throws IOException {
        int train = trainLabels.length;
        int test = testLabels.length;
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), IdxReaderTest.gzip(
                IdxReaderTest.idx(0x803, new int[] {train, 2, 2}, new byte[4 * train])));
        Files.write(dir.resolve("train-labels-idx1-ubyte"),
                IdxReaderTest.idx(0x801, new int[] {train}, trainLabels));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"),
                IdxReaderTest.idx(0x803, new int[] {test, 2, 2}, new byte[4 * test]));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"),
                IdxReaderTest.idx(0x801, new int[] {test}, testLabels));
    }
}
