package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.app.provenance.TrialProvenance;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.FrozenTrial;
import io.archforge.study.TrialState;
import io.archforge.torch.export.ModelExport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real DJL training on the shipped Fashion-MNIST subset replays bit for bit with one
 * intra-op thread, the setting every search trains with: the same {@code --seed} gives
 * the same trained weights, so every metric but the measured latencies repeats exactly.
 */
class TrainingReplayTest {

    private static final List<String> FILES = List.of("train-images-idx3-ubyte.gz",
            "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
            "t10k-labels-idx1-ubyte.gz");
    private static final String SUBSET = "/io/archforge/torch/data/fashion-mnist-subset/";
    /** The metrics that depend only on the trained network, not on timing. */
    private static final List<String> EXACT_METRICS = List.of("accuracy", "params", "flops",
            "memory_mb", "energy_mj", "training_epochs");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    private static Path data;

    @BeforeAll
    static void searchTwice() throws IOException {
        data = Files.createDirectory(dir.resolve("fashion-mnist"));
        for (String file : FILES) {
            try (InputStream in = TrainingReplayTest.class.getResourceAsStream(SUBSET + file)) {
                assertThat(in).as(SUBSET + file).isNotNull();
                Files.copy(in, data.resolve(file));
            }
        }
        search("a.db");
        search("b.db");
    }

    private static void search(String store) {
        Cli.Result result = Cli.run("search", "--dataset", "fashion-mnist", "--data",
                data.toString(), "--epochs", "1", "--batch-size", "32", "--train-images",
                "200", "--validation-images", "100", "--trials", "2", "--seed", "5",
                "--storage", dir.resolve(store).toString(), "--study", "t");
        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    @Test
    void sameSeedTrainsIdenticalWeights() {
        List<FrozenTrial> first = trials("a.db");
        List<FrozenTrial> second = trials("b.db");

        assertThat(first).hasSize(2);
        assertThat(second).hasSize(2);
        for (int i = 0; i < first.size(); i++) {
            FrozenTrial a = first.get(i);
            FrozenTrial b = second.get(i);
            assertThat(a.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(b.architecture()).isEqualTo(a.architecture());
            assertThat(b.seed()).isEqualTo(a.seed());
            for (String metric : EXACT_METRICS) {
                assertThat(b.metrics().get(metric)).as("trial %d %s", i, metric)
                        .isNotNull().isEqualTo(a.metrics().get(metric));
            }
            assertThat(b.attributes().get("final_loss")).as("trial %d final loss", i)
                    .isNotNull().isEqualTo(a.attributes().get("final_loss"));
            assertThat(weights("b.db", b)).as("trial %d weights", i)
                    .isEqualTo(weights("a.db", a));
        }
    }

    @Test
    void trainingTrialsRecordProvenance() throws Exception {
        Map<String, String> expected = new TreeMap<>();
        for (String file : FILES) {
            expected.put(file, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(data.resolve(file)))));
        }

        for (FrozenTrial trial : trials("a.db")) {
            Map<String, String> attributes = trial.attributes();
            assertThat(attributes).containsKeys(TrialProvenance.ATTRIBUTES.toArray(String[]::new));
            Map<String, String> checksums = JSON.readValue(
                    attributes.get(TrialProvenance.DATA_SHA256), JSON.getTypeFactory()
                            .constructMapType(TreeMap.class, String.class, String.class));
            assertThat(checksums).isEqualTo(expected);
            JsonNode machine = JSON.readTree(attributes.get(TrialProvenance.MACHINE));
            assertThat(machine.get("engine").asText()).isEqualTo("PyTorch");
            assertThat(machine.get("engine_version").asText()).isNotBlank();
            assertThat(machine.get("djl_version").asText()).isNotBlank();
        }
    }

    private static List<FrozenTrial> trials(String store) {
        try (Storage storage = Storages.open(dir.resolve(store).toString())) {
            return storage.trials("t");
        }
    }

    private static byte[] weights(String store, FrozenTrial trial) {
        try (Storage storage = Storages.open(dir.resolve(store).toString())) {
            return storage.artifact("t", trial.number(), ModelExport.WEIGHTS_FILE).orElseThrow();
        }
    }
}
