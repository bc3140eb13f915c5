package io.archforge.app.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.app.setup.DatasetSpec;
import io.archforge.provenance.DataInput;
import io.archforge.torch.data.DataSources;
import io.archforge.torch.text.TextCorpora;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each data set lists the files its evaluator reads, and their checksums match digests
 * this test computes from the same bytes.
 */
class DataInputsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void bundledGraphListsBothFiles() throws Exception {
        Map<String, String> checksums = checksums(spec("cora", Map.of()));

        assertThat(checksums).containsOnly(
                Map.entry("cora_nodes.csv.gz", resourceSha("/io/archforge/torch/graph/"
                        + "cora_nodes.csv.gz")),
                Map.entry("cora_edges.csv.gz", resourceSha("/io/archforge/torch/graph/"
                        + "cora_edges.csv.gz")));
    }

    @Test
    void graphDirectoryListsBothFiles() throws Exception {
        Path nodes = unzipResource("/io/archforge/torch/graph/cora_nodes.csv.gz", "nodes.csv");
        Path edges = unzipResource("/io/archforge/torch/graph/cora_edges.csv.gz", "edges.csv");

        Map<String, String> checksums = checksums(spec("graph:" + dir, Map.of()));

        assertThat(checksums).containsOnly(Map.entry("nodes.csv", fileSha(nodes)),
                Map.entry("edges.csv", fileSha(edges)));
    }

    @Test
    void seriesListTheirFile() throws Exception {
        Path csv = unzipResource("/io/archforge/torch/forecast/ETTh1.csv.gz", "load.csv");

        Map<String, String> bundled = checksums(spec("etth1", Map.of()));
        Map<String, String> file = checksums(spec("csv:" + csv, Map.of("--target", "OT")));

        assertThat(bundled).containsOnly(Map.entry("ETTh1.csv.gz",
                resourceSha("/io/archforge/torch/forecast/ETTh1.csv.gz")));
        assertThat(file).containsOnly(Map.entry("load.csv", fileSha(csv)));
    }

    @Test
    void textListsItsFile() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.txt"), "abc ".repeat(200));

        Map<String, String> jargon = checksums(spec("jargon", Map.of()));
        Map<String, String> file = checksums(spec("text:" + text, Map.of()));

        DataInput read = TextCorpora.jargonInput();
        String expected = read instanceof DataInput.File local ? fileSha(local.path())
                : resourceSha("/io/archforge/torch/text/jargon-4.4.7-excerpt.txt.gz");
        assertThat(jargon).containsOnly(Map.entry(read.name(), expected));
        assertThat(file).containsOnly(Map.entry("notes.txt", fileSha(text)));
    }

    @Test
    void fashionMnistListsTheFilesItReads() throws Exception {
        List<DataInput> inputs = DataInputs.of(spec("fashion-mnist", Map.of()));

        Path system = Path.of(DataSources.SYSTEM_FASHION_MNIST);
        assertThat(inputs).hasSize(4);
        for (DataInput input : inputs) {
            if (input instanceof DataInput.File file) {
                assertThat(file.path()).startsWith(system);
                assertThat(DataChecksums.json(List.of(input)))
                        .contains(fileSha(file.path()));
            } else {
                assertThat(Files.isDirectory(system)).as("subset only without " + system)
                        .isFalse();
            }
        }
    }

    @Test
    void djlIsNamedForTrainingOnly() {
        assertThat(DataInputs.usesDjl(spec("fashion-mnist", Map.of()))).isTrue();
        assertThat(DataInputs.usesDjl(spec("cora", Map.of()))).isTrue();
        assertThat(DataInputs.usesDjl(DatasetSpec.parse("nb201", "cifar10", null, null,
                null))).isFalse();
        assertThat(DataInputs.usesDjl(DatasetSpec.parse("nb201", "cifar10", null, "local",
                null))).isTrue();
        assertThat(DataInputs.usesDjl(DatasetSpec.parse("hwgpt", "s", null, null, null)))
                .isFalse();
        assertThat(DataInputs.usesDjl(spec("command:sh run.sh", Map.of()))).isFalse();
    }

    @Test
    void sharedFileNamesUseLocations() throws Exception {
        Path first = Files.writeString(Files.createDirectory(dir.resolve("a"))
                .resolve("data.csv"), "1");
        Path second = Files.writeString(Files.createDirectory(dir.resolve("b"))
                .resolve("data.csv"), "2");
        Path other = Files.writeString(dir.resolve("other.csv"), "3");

        String json = DataChecksums.json(List.of(DataInput.file(first),
                DataInput.file(second), DataInput.file(other)));

        assertThat(JSON.readValue(json, Map.class)).containsOnly(
                Map.entry(first.toString(), fileSha(first)),
                Map.entry(second.toString(), fileSha(second)),
                Map.entry("other.csv", fileSha(other)));
        assertThat(DataChecksums.json(List.of())).isEqualTo("{}");
    }

    /** Writes the uncompressed bytes of a gzip resource to {@code name} in the test folder. */
    private Path unzipResource(String resource, String name) throws IOException {
        try (InputStream in = new GZIPInputStream(
                DataInputsTest.class.getResourceAsStream(resource))) {
            Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        }
    }

    private static DatasetSpec spec(String dataset, Map<String, String> options) {
        return DatasetSpec.parse(null, dataset, null, null, null, options, Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> checksums(DatasetSpec spec) throws IOException {
        return JSON.readValue(DataChecksums.json(DataInputs.of(spec)), Map.class);
    }

    private static String fileSha(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    private static String resourceSha(String resource) throws IOException {
        try (InputStream in = DataInputsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return sha256(in.readAllBytes());
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
