package io.archforge.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.app.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

    @TempDir
    static Path dir;

    private static String store;

    @BeforeAll
    static void search() {
        store = dir.resolve("studies.db").toString();
        Cli.Result single = Cli.run("search", "--dataset", "cifar10", "--trials",
                "12", "--storage", store, "--study", "alpha");
        assertThat(single.exitCode()).as(single.err()).isZero();
        Cli.Result pair = Cli.run("search", "--dataset", "cifar10", "--trials", "12",
                "--strategy", "random", "--objective", "test_accuracy:max", "--objective",
                "params:min", "--storage", store, "--study", "beta");
        assertThat(pair.exitCode()).as(pair.err()).isZero();
    }

    @Test
    void writesThreeFiles() throws Exception {
        Path output = dir.resolve("report-beta");

        Cli.Result result = Cli.run("report", "beta", "--output", output.toString(),
                "--storage", store);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).containsExactly(
                output.resolve("report.html").toString(), output.resolve("trials.csv").toString(),
                output.resolve("trials.json").toString());
        String html = Files.readString(output.resolve("report.html"));
        assertThat(html).contains("<h1>Study beta</h1>", "id=\"pareto\"",
                "data:image/png;base64,");
        assertThat(html).doesNotContain("http://", "https://");
        assertThat(Files.readAllLines(output.resolve("trials.csv"))).hasSize(13);
        JsonNode json = new ObjectMapper().readTree(output.resolve("trials.json").toFile());
        assertThat(json.get("trials")).hasSize(12);
        assertThat(json.get("config").get("objectives").toString())
                .isEqualTo("[\"test_accuracy:max\",\"params:min\"]");
    }

    @Test
    void unknownStudyListsStoredOnes() {
        Path output = dir.resolve("report-gamma");

        Cli.Result result = Cli.run("report", "gamma", "--output", output.toString(),
                "--storage", store);

        assertThat(result.exitCode()).isEqualTo(2);
        List<String> lines = result.err().lines().toList();
        assertThat(lines).singleElement().asString()
                .contains("study 'gamma' not found").contains("stored studies: alpha, beta");
        assertThat(output).doesNotExist();
    }

    @Test
    void outputWithOtherFilesIsKept() throws Exception {
        Path output = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(output.resolve("todo.txt"), "keep me");

        Cli.Result result = Cli.run("report", "alpha", "--output", output.toString(),
                "--storage", store);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("todo.txt").contains("new or empty directory");
        assertThat(Files.readString(output.resolve("todo.txt"))).isEqualTo("keep me");
        assertThat(output.resolve("report.html")).doesNotExist();
    }

    @Test
    void earlierReportIsReplaced() {
        Path output = dir.resolve("report-again");

        Cli.Result first = Cli.run("report", "alpha", "--output", output.toString(),
                "--storage", store);
        Cli.Result second = Cli.run("report", "alpha", "--output", output.toString(),
                "--storage", store);

        assertThat(first.exitCode()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
    }

    @Test
    void plantedLinkRedirectsNoWrite() throws Exception {
        Path output = dir.resolve("shared");
        Files.createDirectories(output);
        Path victim = dir.resolve("victim.txt");
        Files.writeString(victim, "keep me");
        Files.createSymbolicLink(output.resolve("trials.csv"), victim);

        Cli.Result result = Cli.run("report", "alpha", "--output", output.toString(),
                "--storage", store);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(victim)).isEqualTo("keep me");
        assertThat(Files.isSymbolicLink(output.resolve("trials.csv"))).isFalse();
        assertThat(Files.readString(output.resolve("trials.csv"))).startsWith("number");
    }

    @Test
    void outputThatIsFileIsUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("taken.txt"), "x");

        Cli.Result result = Cli.run("report", "alpha", "--output", file.toString(),
                "--storage", store);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("is a file");
    }

    @Test
    void missingOutputOptionIsUsageError() {
        Cli.Result result = Cli.run("report", "alpha", "--storage", store);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--output");
    }
}
