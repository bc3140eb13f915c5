package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Real training through the command line: DJL, PyTorch and Fashion-MNIST, no mocks. */
class TrainingCliTest {

    /** A small network of the macro space: one block per stage, 16 channels. */
    private static final String SMALL = "s1.depth=1,s1.width=16,s1.kernel=3,s1.expansion=1,"
            + "s1.residual=off,s2.depth=1,s2.width=16,s2.kernel=3,s2.expansion=1,s2.residual=off,"
            + "s3.depth=1,s3.width=16,s3.kernel=3,s3.expansion=1,s3.residual=off";

    @Test
    void evaluateTrainsWellAboveChance() {
        Cli.Result result = Cli.run("evaluate", SMALL, "--dataset", "fashion-mnist", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = result.json();
        assertThat(json.get("architecture").asText()).isEqualTo(SMALL);
        // Ten classes: chance is 10 %; three epochs of a small network reach far more.
        assertThat(json.get("metrics").get("accuracy").asDouble()).isGreaterThan(60.0);
        assertThat(json.get("metrics").get("latency_ms").asDouble()).isPositive();
        assertThat(json.get("metrics").get("params").asDouble()).isPositive();
        assertThat(json.get("data_source").asText()).contains("Fashion-MNIST");
    }

    @Test
    void evaluateReadsIdxDirectory() {
        // Debian's dataset-fashion-mnist, which ./run-tests installs, is a plain IDX directory.
        Path directory = Path.of("/usr/share/datasets/fashion-mnist");
        Assumptions.assumeTrue(Files.isDirectory(directory), "dataset-fashion-mnist is not installed");

        Cli.Result result = Cli.run("evaluate", SMALL, "--dataset", "idx:" + directory, "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = result.json();
        assertThat(json.get("dataset").asText()).isEqualTo("idx:" + directory);
        assertThat(json.get("data_source").asText()).contains("IDX files", directory.toString());
        assertThat(json.get("metrics").get("accuracy").asDouble()).isGreaterThan(60.0);
    }
}
