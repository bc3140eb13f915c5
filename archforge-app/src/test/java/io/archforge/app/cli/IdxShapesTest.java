package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real training on IDX data that is not 28x28 with ten classes: 20x12 images of
 * three classes, each class a bright horizontal band at its own height, in noise.
 */
class IdxShapesTest {

    private static final int ROWS = 20;
    private static final int COLUMNS = 12;
    private static final int CLASSES = 3;

    private static final String SMALL = "s1.depth=1,s1.width=16,s1.kernel=3,s1.expansion=1,"
            + "s1.residual=off,s2.depth=1,s2.width=16,s2.kernel=3,s2.expansion=1,s2.residual=off,"
            + "s3.depth=1,s3.width=16,s3.kernel=3,s3.expansion=1,s3.residual=off";

    @TempDir
    Path directory;

    @Test
    void trainsOnOtherSizeAndClassCount() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        writeSet("train", 900, random);
        writeSet("t10k", 90, random);

        Cli.Result result = Cli.run("evaluate", SMALL, "--dataset", "idx:" + directory,
                "--epochs", "3", "--batch-size", "16", "--train-images", "600",
                "--validation-images", "200", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode metrics = result.json().get("metrics");
        // Three classes: chance is 33 %. The bands are easy to tell apart.
        assertThat(metrics.get("accuracy").asDouble()).isGreaterThan(80.0);
        assertThat(metrics.get("params").asDouble()).isPositive();
        assertThat(metrics.get("latency_ms").asDouble()).isPositive();
    }

    private void writeSet(String prefix, int count, SplittableRandom random) throws IOException {
        byte[] pixels = new byte[count * ROWS * COLUMNS];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            int label = i % CLASSES;
            labels[i] = (byte) label;
            int bandTop = 2 + label * 6;
            for (int row = 0; row < ROWS; row++) {
                for (int column = 0; column < COLUMNS; column++) {
                    boolean band = row >= bandTop && row < bandTop + 3;
                    int value = random.nextInt(90) + (band ? 140 : 0);
                    pixels[(i * ROWS + row) * COLUMNS + column] = (byte) value;
                }
            }
        }
        Files.write(directory.resolve(prefix + "-images-idx3-ubyte"),
                idx(0x803, new int[] {count, ROWS, COLUMNS}, pixels));
        Files.write(directory.resolve(prefix + "-labels-idx1-ubyte"),
                idx(0x801, new int[] {count}, labels));
    }

    /** An IDX file: a big-endian magic number, the dimensions, then the bytes. */
    static byte[] idx(int magic, int[] dimensions, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int dimension : dimensions) {
                out.writeInt(dimension);
            }
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
