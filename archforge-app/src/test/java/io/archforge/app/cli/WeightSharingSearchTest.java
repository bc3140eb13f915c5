package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.archforge.space.CellSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code search} with a weight-sharing strategy (darts, beta-darts, gdas, spos): tiny real
 * searches, their stored records, and invalid input.
 */
class WeightSharingSearchTest {

    @TempDir
    Path directory;

    private List<String> tiny(String... extra) {
        List<String> args = new ArrayList<>(List.of("search", "--dataset", "fashion-mnist",
                "--epochs", "1", "--batch-size", "16", "--train-images", "128",
                "--validation-images", "64", "--strategy-option", "channels=4",
                "--storage", directory.resolve("studies.db").toString(), "--json"));
        args.addAll(List.of(extra));
        return args;
    }

    @Test
    void dartsStoresCellAndRerunReadsIt() {
        Cli.Result first = Cli.run(tiny("--strategy", "beta-darts", "--strategy-option",
                "skip_limit=1").toArray(String[]::new));
        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode json = first.json();
        String cell = json.get("best").get("architecture").asText();
        CellSpace.nb201().parse(cell);
        assertThat(cell.split("skip_connect", -1).length - 1).isLessThanOrEqualTo(1);
        JsonNode metrics = json.get("best").get("metrics");
        assertThat(metrics.get("supernet_accuracy").asDouble()).isBetween(0.0, 100.0);
        assertThat(metrics.get("cifar10_test_accuracy").asDouble()).isBetween(9.0, 95.0);
        assertThat(metrics.get("alpha_entropy").asDouble()).isBetween(0.0, Math.log(5));
        JsonNode search = json.get("search");
        assertThat(search.get("epochs")).hasSize(1);
        assertThat(search.get("epochs").get(0).get("alpha")).hasSize(6);

        Cli.Result again = Cli.run(tiny("--strategy", "beta-darts", "--strategy-option",
                "skip_limit=1").toArray(String[]::new));
        assertThat(again.exitCode()).as(again.err()).isZero();
        // The stored result, without a new search.
        assertThat(again.json().has("search")).isFalse();

        assertUsage(tiny("--strategy", "beta-darts", "--strategy-option", "skip_limit=2"),
                "was created with skip_limit=1",
                "this run gives skip_limit=2", "another --study");
        assertUsage(List.of("search", "--study", "fashion-mnist-nb201-beta-darts-s0",
                "--storage", directory.resolve("studies.db").toString()),
                "is a weight-sharing search", "--strategy beta-darts");
        assertThat(again.json().get("best").get("architecture").asText()).isEqualTo(cell);
    }

    @Test
    void sposTrainsAndSearchesSupernet() {
        List<String> nb201 = new ArrayList<>(List.of("search", "--strategy", "spos", "--space",
                "nb201", "--dataset", "fashion-mnist", "--epochs", "1", "--batch-size", "32",
                "--train-images", "128", "--validation-images", "64", "--trials", "4",
                "--supernet-search", "random", "--strategy-option", "sampling=fair",
                "--strategy-option", "channels=4", "--storage",
                directory.resolve("spos.db").toString(), "--json"));
        Cli.Result result = Cli.run(nb201.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = result.json();
        assertThat(json.get("completed_trials").asInt()).isEqualTo(4);
        CellSpace.nb201().parse(json.get("best").get("architecture").asText());
        assertThat(json.get("best").get("metrics").get("supernet_accuracy").asDouble())
                .isBetween(0.0, 100.0);
        assertThat(json.get("search").get("sampling").asText()).isEqualTo("fair");
        // The bundled ground truth was trained with 8 channels, so 4 channels has no ranking.
        assertThat(json.get("search").get("ranking").isNull()).isTrue();

        List<String> macro = new ArrayList<>(List.of("search", "--strategy", "spos", "--space",
                "macro", "--dataset", "fashion-mnist", "--epochs", "1", "--batch-size", "32",
                "--train-images", "128", "--validation-images", "64", "--trials", "3",
                "--storage", directory.resolve("spos.db").toString(), "--json"));
        Cli.Result macroResult = Cli.run(macro.toArray(String[]::new));
        assertThat(macroResult.exitCode()).as(macroResult.err()).isZero();
        assertThat(macroResult.json().get("best").get("architecture").asText())
                .startsWith("s1.depth=");
    }

    @Test
    void sposStudyWithFewerTrialsResumes() {
        List<String> args = new ArrayList<>(List.of("search", "--strategy", "spos", "--space",
                "macro", "--dataset", "fashion-mnist", "--epochs", "1", "--batch-size", "32",
                "--train-images", "128", "--validation-images", "64", "--supernet-search",
                "random", "--storage", directory.resolve("resume.db").toString(), "--json",
                "--trials"));
        List<String> first = new ArrayList<>(args);
        first.add("2");
        Cli.Result two = Cli.run(first.toArray(String[]::new));
        assertThat(two.exitCode()).as(two.err()).isZero();
        assertThat(two.json().get("completed_trials").asInt()).isEqualTo(2);

        List<String> second = new ArrayList<>(args);
        second.add("4");
        Cli.Result four = Cli.run(second.toArray(String[]::new));
        assertThat(four.exitCode()).as(four.err()).isZero();
        assertThat(four.json().get("completed_trials").asInt()).isEqualTo(4);
        assertThat(four.json().has("search")).isTrue();
    }

    @Test
    void invalidInputExitsTwoBeforeTraining() throws IOException {
        assertUsage(tiny("--strategy", "darts", "--space", "macro"), "no differentiable form",
                "--strategy spos");
        assertUsage(tiny("--strategy", "gdas", "--darts-order", "2"), "first-order");
        assertUsage(tiny("--strategy", "darts", "--darts-order", "3"), "order must be 1 or 2");
        assertUsage(List.of("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--darts-order", "2"), "weight-sharing strategies only");
        assertUsage(List.of("search", "--strategy", "darts", "--benchmark", "nb201",
                "--dataset", "cifar10"), "a table holds no weights");
        assertUsage(tiny("--strategy", "darts", "--strategy-option", "colour=red"),
                "unknown --strategy-option 'colour'", "skip_limit");
        assertUsage(tiny("--strategy", "darts", "--strategy-option", "partial_channels=3"),
                "must divide");
        assertUsage(tiny("--strategy", "darts", "--scheduler", "asha"), "--scheduler does not"
                + " apply");
        assertUsage(tiny("--strategy", "darts", "--strategy-option", "memory_limit_mb=1"),
                "even at batch 8", "partial_channels=4");

        assertUsage(tiny("--strategy", "darts", "--study", " "), "invalid --study ''");
        assertUsage(tiny("--strategy", "spos", "--supernet-search", "annealing"),
                "unknown --supernet-search 'annealing'", "evolution");
        assertUsage(tiny("--strategy", "spos", "--strategy-option", "sampling=greedy"),
                "sampling=greedy", "uniform or fair");
        assertUsage(tiny("--strategy", "darts", "--supernet-search", "random"),
                "--supernet-search applies to --strategy spos only");
        assertUsage(tiny("--strategy", "spos", "--space", "macro"), "channels and"
                + " cells_per_stage shape the nb201 skeleton");

        Path idx = Files.createDirectories(directory.resolve("wide"));
        writeWideImages(idx);
        List<String> wide = new ArrayList<>(List.of("search", "--strategy", "darts",
                "--dataset", "idx:" + idx, "--train-images", "64", "--validation-images", "16",
                "--batch-size", "16", "--storage", directory.resolve("wide.db").toString()));
        assertUsage(wide, "20x12", "multiple of 4");
        assertThat(directory.resolve("studies.db")).doesNotExist();
    }

    private static void assertUsage(List<String> args, String... fragments) {
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result.err())
                .isEqualTo(2);
        for (String fragment : fragments) {
            assertThat(result.err()).as(String.join(" ", args)).contains(fragment);
        }
    }

    private static void writeWideImages(Path target) throws IOException {
        for (String prefix : List.of("train", "t10k")) {
            int count = 100;
            byte[] pixels = new byte[count * 20 * 12];
            byte[] labels = new byte[count];
            for (int i = 0; i < count; i++) {
                labels[i] = (byte) (i % 2);
                pixels[i * 240 + i % 240] = (byte) 200;
            }
            Files.write(target.resolve(prefix + "-images-idx3-ubyte"),
                    IdxShapesTest.idx(0x803, new int[] {count, 20, 12}, pixels));
            Files.write(target.resolve(prefix + "-labels-idx1-ubyte"),
                    IdxShapesTest.idx(0x801, new int[] {count}, labels));
        }
    }
}
