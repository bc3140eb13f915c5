package io.archforge.app.provenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.archforge.app.cli.Cli;
import io.archforge.app.cli.Subprocess;
import io.archforge.benchmarks.hwgpt.HwGptTable;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.benchmarks.tables.NasBenchGraphTable;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.StudyConfigJson;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.FrozenTrial;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import io.archforge.study.Worker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every trial of a search stores the four provenance attributes, with checksums this
 * test computes on its own from the bytes the evaluator reads.
 */
class TrialProvenanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void tableTrialsRecordAllFour() throws Exception {
        String store = dir.resolve("t.db").toString();
        Cli.Result search = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--trials", "6", "--seed", "4", "--storage", store, "--study", "t");
        assertThat(search.exitCode()).as(search.err()).isZero();

        StudyConfig config = config(store, "t");
        List<FrozenTrial> trials = trials(store, "t");
        String tableSha = resourceSha256(Nb201Table.class, Nb201Table.RESOURCE);

        assertThat(trials).hasSize(6);
        for (FrozenTrial trial : trials) {
            Map<String, String> attributes = trial.attributes();
            assertThat(attributes).containsKeys(TrialProvenance.VERSION,
                    TrialProvenance.CONFIG_SHA256, TrialProvenance.DATA_SHA256,
                    TrialProvenance.MACHINE);
            assertThat(attributes.get(TrialProvenance.VERSION)).startsWith(projectVersion());
            assertThat(attributes.get(TrialProvenance.CONFIG_SHA256))
                    .isEqualTo(configSha256(config));
            assertThat(JSON.readTree(attributes.get(TrialProvenance.DATA_SHA256)))
                    .isEqualTo(JSON.readTree("{\"nb201-tables.bin.gz\":\"" + tableSha + "\"}"));
            JsonNode machine = JSON.readTree(attributes.get(TrialProvenance.MACHINE));
            assertThat(machine.get("host").asText()).isEqualTo(Worker.current().host());
            assertThat(machine.get("cores").asInt())
                    .isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(machine.get("java_version").asText())
                    .isEqualTo(System.getProperty("java.version"));
            assertThat(machine.get("os").asText()).isEqualTo(System.getProperty("os.name"));
            assertThat(machine.has("engine")).as("a table look-up runs no DJL").isFalse();
        }
    }

    @Test
    void configDigestIgnoresOnlyTheName() {
        String store = dir.resolve("c.db").toString();
        for (String[] study : new String[][] {{"first", "4"}, {"renamed", "4"}, {"other", "5"}}) {
            Cli.Result search = Cli.run("search", "--benchmark", "nb201", "--dataset",
                    "cifar10", "--trials", "2", "--seed", study[1], "--storage", store,
                    "--study", study[0]);
            assertThat(search.exitCode()).as(search.err()).isZero();
        }

        String first = trials(store, "first").get(0).attributes()
                .get(TrialProvenance.CONFIG_SHA256);
        String renamed = trials(store, "renamed").get(0).attributes()
                .get(TrialProvenance.CONFIG_SHA256);
        String other = trials(store, "other").get(0).attributes()
                .get(TrialProvenance.CONFIG_SHA256);

        assertThat(renamed).isEqualTo(first);
        assertThat(other).as("another seed is another configuration").isNotEqualTo(first);
    }

    @Test
    void graphAndHwgptTablesAreHashed() throws Exception {
        String store = dir.resolve("g.db").toString();
        Cli.Result graph = Cli.run("search", "--benchmark", "nasbench-graph", "--dataset",
                "cora", "--trials", "3", "--storage", store, "--study", "g");
        Cli.Result hwgpt = Cli.run("search", "--benchmark", "hwgpt", "--dataset", "s",
                "--trials", "3", "--storage", store, "--study", "h");
        assertThat(graph.exitCode()).as(graph.err()).isZero();
        assertThat(hwgpt.exitCode()).as(hwgpt.err()).isZero();

        String graphResource = String.format(NasBenchGraphTable.RESOURCE_PATTERN, "cora");
        String hwgptResource = String.format(HwGptTable.RESOURCE_PATTERN, "s");

        assertThat(trials(store, "g")).hasSize(3).allSatisfy(trial ->
                assertThat(dataChecksums(trial)).containsExactly(Map.entry(
                        "nasbench-graph-cora.csv.gz",
                        resourceSha256(NasBenchGraphTable.class, graphResource))));
        assertThat(trials(store, "h")).hasSize(3).allSatisfy(trial ->
                assertThat(dataChecksums(trial)).containsExactly(Map.entry(
                        "hwgpt-s.csv.gz", resourceSha256(HwGptTable.class, hwgptResource))));
    }

    @Test
    void commandProgramIsHashed() throws Exception {
        Path program = Files.writeString(dir.resolve("trial.sh"),
                "cat > /dev/null\necho '{\"accuracy\": 42.5}'\n");
        String store = dir.resolve("p.db").toString();

        Cli.Result search = Cli.run("search", "--dataset", "command:sh trial.sh", "--data",
                dir.toString(), "--trials", "2", "--storage", store, "--study", "p");

        assertThat(search.exitCode()).as(search.err()).isZero();
        String expected = sha256(Files.readAllBytes(program));
        assertThat(trials(store, "p")).hasSize(2).allSatisfy(trial -> {
            assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(dataChecksums(trial)).containsExactly(Map.entry("trial.sh", expected));
        });
    }

    @Test
    void resumeKeepsStoredProvenance() throws Exception {
        String store = dir.resolve("r.db").toString();
        Cli.Result first = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--trials", "2", "--storage", store, "--study", "r");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Map<String, String> older = addOlderTrial(store, "r");

        Cli.Result resumed = Cli.run("search", "--storage", store, "--study", "r",
                "--trials", "6");
        Cli.Result text = Cli.run("study", "show", "r", "--storage", store);
        Cli.Result json = Cli.run("study", "show", "r", "--storage", store, "--json");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        List<FrozenTrial> trials = trials(store, "r");
        assertThat(trials).hasSize(6);
        Map<String, String> current = TrialProvenance.read(trials.get(0).attributes())
                .orElseThrow().attributes();
        assertThat(trials.get(2).attributes()).containsAllEntriesOf(older);
        for (int number : List.of(0, 1, 3, 4, 5)) {
            assertThat(trials.get(number).attributes()).as("trial " + number)
                    .containsAllEntriesOf(current);
        }
        assertThat(text.out()).contains("Provenance of trials 0-1, 3-5:")
                .contains("Provenance of trials 2:")
                .contains("archforge_version: 0.0.9")
                .contains("machine: " + current.get(TrialProvenance.MACHINE));
        JsonNode blocks = json.json().get("provenance");
        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(0).get("trials").asText()).isEqualTo("0-1, 3-5");
        assertThat(blocks.get(0).get("trial_count").asInt()).isEqualTo(5);
        assertThat(blocks.get(0).get("machine").get("host").asText())
                .isEqualTo(Worker.current().host());
        assertThat(blocks.get(1).get("data_sha256").get("old.csv").asText())
                .isEqualTo(sha256("old".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void workerRecordsItsOwnProvenance() throws Exception {
        String store = dir.resolve("w.db").toString();
        Cli.Result created = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--trials", "0", "--storage", store, "--study", "w");
        assertThat(created.exitCode()).as(created.err()).isZero();

        Process worker = Subprocess.start(dir, "worker", List.of("worker", "--storage", store,
                "--study", "w", "--trials", "4"));
        assertThat(worker.waitFor(60, TimeUnit.SECONDS)).as("worker finished").isTrue();

        assertThat(worker.exitValue()).as(Files.readString(dir.resolve("worker.err")))
                .isZero();
        List<FrozenTrial> trials = trials(store, "w");
        assertThat(trials).hasSize(4).allSatisfy(trial -> {
            Worker creator = Worker.parse(trial.attributes().get(Worker.ATTRIBUTE))
                    .orElseThrow();
            assertThat(creator.pid()).isEqualTo(worker.pid());
            assertThat(trial.attributes())
                    .containsEntry(TrialProvenance.VERSION, ArchforgeVersion.current())
                    .containsEntry(TrialProvenance.MACHINE, MachineDescription.json(false))
                    .containsEntry(TrialProvenance.CONFIG_SHA256,
                            configSha256(config(store, "w")));
        });
    }

    /**
     * Stores a COMPLETE trial with the provenance an older version on another machine
     * would have stored, and returns that provenance.
     */
    private static Map<String, String> addOlderTrial(String store, String study) {
        Map<String, String> older = new LinkedHashMap<>();
        older.put(TrialProvenance.VERSION, "0.0.9");
        older.put(TrialProvenance.CONFIG_SHA256, sha256("older".getBytes(StandardCharsets.UTF_8)));
        older.put(TrialProvenance.DATA_SHA256,
                "{\"old.csv\":\"" + sha256("old".getBytes(StandardCharsets.UTF_8)) + "\"}");
        older.put(TrialProvenance.MACHINE, "{\"host\":\"elsewhere\",\"cores\":64}");
        try (Storage storage = Storages.open(store)) {
            int number = storage.createTrial(study,
                    "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|"
                            + "nor_conv_3x3~1|nor_conv_3x3~2|", 99, older);
            storage.finishTrial(study, number, TrialState.COMPLETE,
                    Map.of("test_accuracy", 94.0), Map.of(), Optional.empty());
        }
        return older;
    }

    private static StudyConfig config(String store, String study) {
        try (Storage storage = Storages.open(store)) {
            return storage.loadStudy(study).orElseThrow();
        }
    }

    private static List<FrozenTrial> trials(String store, String study) {
        try (Storage storage = Storages.open(store)) {
            return storage.trials(study);
        }
    }

    private static Map<String, String> dataChecksums(FrozenTrial trial) throws IOException {
        return JSON.readValue(trial.attributes().get(TrialProvenance.DATA_SHA256),
                JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
    }

    /** Returns the SHA-256 of the stored configuration JSON without its name. */
    private static String configSha256(StudyConfig config) throws IOException {
        ObjectNode stored = (ObjectNode) JSON.readTree(StudyConfigJson.write(config));
        stored.remove("name");
        return sha256(stored.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String resourceSha256(Class<?> owner, String resource) throws IOException {
        try (InputStream in = owner.getResourceAsStream(resource)) {
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

    /** Returns the project version from the parent POM, which Maven filters into the jar. */
    private static String projectVersion() throws IOException {
        Path root = Path.of(System.getProperty("archforge.project.dir", ".."));
        String pom = Files.readString(root.resolve("pom.xml"));
        Matcher version = Pattern.compile(
                "<artifactId>archforge-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(version.find()).as("parent version in " + root.resolve("pom.xml")).isTrue();
        return version.group(1);
    }
}
