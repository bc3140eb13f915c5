package io.archforge.torch.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {
    @TempDir
    Path dir;

    @Test
    void shippedSubsetIsStratified() {
        TrainTestData data = DataSources.shippedFashionMnistSubset();

        assertThat(data.train().size()).isEqualTo(6_000);
        assertThat(data.test().size()).isEqualTo(1_000);
        assertThat(data.train().rows()).isEqualTo(28);
        assertThat(data.train().columns()).isEqualTo(28);
        assertThat(data.classCount()).isEqualTo(10);
        assertThat(data.train().classCounts()).containsOnly(600);
        assertThat(data.test().classCounts()).containsOnly(100);
        assertThat(data.source()).contains("subset");
    }

    @Test
    void shippedSubsetHasRealImages() {
        ImageDataset train = DataSources.shippedFashionMnistSubset().train();
        double sum = 0;
        int max = 0;
        for (int i = 0; i < 100; i++) {
            for (int p = 0; p < train.imageSize(); p++) {
                sum += train.pixel(i, p);
                max = Math.max(max, train.pixel(i, p));
            }
        }
        double mean = sum / (100.0 * train.imageSize());

        // Fashion-MNIST's mean pixel is about 73 of 255, and garments reach full white.
        assertThat(mean).isBetween(50.0, 100.0);
        assertThat(max).isEqualTo(255);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void readsAnyImageSizeAndClassCount(boolean gzip) throws IOException {
        byte[] pixels = new byte[4 * 3 * 5];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        Path images = write("images", gzip, idx(0x803, new int[] {4, 3, 5}, pixels));
        Path labels = write("labels", gzip, idx(0x801, new int[] {4}, new byte[] {0, 3, 1, 3}));

        ImageDataset data = IdxReader.read(images, labels);

        assertThat(data.size()).isEqualTo(4);
        assertThat(data.rows()).isEqualTo(3);
        assertThat(data.columns()).isEqualTo(5);
        assertThat(data.classCount()).isEqualTo(4);
        assertThat(data.label(1)).isEqualTo(3);
        assertThat(data.pixel(2, 4)).isEqualTo(Byte.toUnsignedInt((byte) ((2 * 15 + 4) * 7)));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void truncatedImagesAreRejected(boolean gzip) throws IOException {
        byte[] full = idx(0x803, new int[] {2, 28, 28}, new byte[2 * 28 * 28]);
        Path images = write("images", gzip, Arrays.copyOf(full, full.length - 100));
        Path labels = write("labels", gzip, idx(0x801, new int[] {2}, new byte[2]));

        assertThatThrownBy(() -> IdxReader.read(images, labels))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(images.toString())
                .hasMessageContaining("truncated");
    }

    @Test
    void cutGzipStreamIsRejected() throws IOException {
        byte[] gzipped = gzip(idx(0x803, new int[] {2, 28, 28}, new byte[2 * 28 * 28]));
        Path images = dir.resolve("images.gz");
        Files.write(images, Arrays.copyOf(gzipped, gzipped.length / 2));
        Path labels = write("labels", true, idx(0x801, new int[] {2}, new byte[2]));

        assertThatThrownBy(() -> IdxReader.read(images, labels))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(images.toString())
                .hasMessageContaining("truncated");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void badMagicNumberIsRejected(boolean gzip) throws IOException {
        Path images = write("images", gzip, idx(0x801, new int[] {2}, new byte[2]));
        Path labels = write("labels", gzip, idx(0x801, new int[] {2}, new byte[2]));

        assertThatThrownBy(() -> IdxReader.read(images, labels))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(images.toString())
                .hasMessageContaining("bad magic number 0x00000801");
    }

    @Test
    void countMismatchIsRejected() throws IOException {
        Path images = write("images", false, idx(0x803, new int[] {3, 2, 2}, new byte[12]));
        Path labels = write("labels", false, idx(0x801, new int[] {2}, new byte[2]));

        assertThatThrownBy(() -> IdxReader.read(images, labels))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining("3 images")
                .hasMessageContaining("2 labels");
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        byte[] full = idx(0x801, new int[] {2}, new byte[2]);
        Path images = write("images", false, idx(0x803, new int[] {2, 2, 2}, new byte[8]));
        Path labels = write("labels", false, Arrays.copyOf(full, full.length + 3));

        assertThatThrownBy(() -> IdxReader.read(images, labels))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(labels.toString())
                .hasMessageContaining("3 bytes after");
    }

    @Test
    void missingFileIsRejected() {
        Path images = dir.resolve("absent-images");

        assertThatThrownBy(() -> IdxReader.read(images, dir.resolve("absent-labels")))
                .isInstanceOf(DataFileException.class)
                .hasMessageContaining(images.toString())
                .hasMessageContaining("not found");
    }

    private Path write(String name, boolean gzip, byte[] content) throws IOException {
        Path path = dir.resolve(gzip ? name + ".gz" : name);
        Files.write(path, gzip ? gzip(content) : content);
        return path;
    }

    static byte[] idx(int magic, int[] dimensions, byte[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length + values.length);
        buffer.putInt(magic);
        for (int dimension : dimensions) {
            buffer.putInt(dimension);
        }
        return buffer.put(values).array();
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }
}
