package io.archforge.app.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.archforge.app.cli.Cli;
import io.archforge.app.cli.ExitCodes;
import io.archforge.app.domain.DomainRequest;
import io.archforge.app.setup.DatasetSpec;
import io.archforge.space.TinyGptSpace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searches and evaluations of character transformers through the command line. */
class TextDomainTest {

    private static final String SHALLOW = "layers=1,embed=32,bias=on,heads_1=2,mlp_ratio_1=2,"
            + "heads_2=8,mlp_ratio_2=4,heads_3=1,mlp_ratio_3=2,heads_4=1,mlp_ratio_4=2";

    @TempDir
    Path dir;

    @Test
    void jargonSearchMinimisesPerplexity() {
        Cli.Result result = Cli.run("search", "--dataset", "jargon", "--trials", "2",
                "--epochs", "1", "--batch-size", "4", "--storage",
                dir.resolve("s.db").toString(), "--study", "jargon", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = result.json();
        assertThat(json.get("completed_trials").asInt()).isEqualTo(2);
        assertThat(json.get("objectives").get(0).asText()).isEqualTo("perplexity:min");
        JsonNode metrics = json.get("best").get("metrics");
        assertThat(metrics.get("perplexity").asDouble()).isGreaterThan(1).isLessThan(145);
        assertThat(metrics.get("params").asDouble()).isPositive();
        assertThat(TinyGptSpace.create().parse(json.get("best").get("architecture").asText())
                .space()).isEqualTo("gpt-tiny");
    }

    @Test
    void textFileEvaluatesCanonicalForm() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "a small text about tiny models and their training. "
                .repeat(60), StandardCharsets.UTF_8);

        Cli.Result result = Cli.run("evaluate", "--dataset", "text:" + file, "--epochs", "1",
                "--batch-size", "4", "--learning-rate", "0.01", "--json", SHALLOW);

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = result.json();
        assertThat(json.get("architecture").asText()).contains("heads_2=1,mlp_ratio_2=2");
        assertThat(json.get("metrics").get("perplexity").asDouble()).isLessThan(27);
        assertThat(json.get("attributes").get("recipe").asText())
                .contains("learning rate 0.01", "batch 4");
        assertThat(json.get("data_source").asText()).isEqualTo(file.toString());
    }

    @Test
    void restoreRebuildsParsedSpec() {
        TextDomain domain = new TextDomain();
        DomainRequest request = new DomainRequest(Optional.empty(), "jargon", Optional.empty(),
                Optional.empty(), Map.of(), Map.of("--epochs", 3, "--learning-rate", 0.002f));

        DatasetSpec.Domain parsed = domain.parse(request);

        assertThat(domain.restore(parsed.evaluatorOptions())).isEqualTo(parsed);
        assertThat(parsed.evaluatorOptions()).containsEntry("dataset", "jargon")
                .containsEntry("epochs", "3").containsEntry("learning_rate", "0.002");
        assertThat(parsed.defaultSpace()).isEqualTo("gpt-tiny");
    }

    @Test
    void claimsOnlyItsOwnNames() {
        TextDomain domain = new TextDomain();

        assertThat(domain.claims(request(Optional.empty(), "jargon"))).isTrue();
        assertThat(domain.claims(request(Optional.empty(), "text:a.txt"))).isTrue();
        assertThat(domain.claims(request(Optional.of("hwgpt"), "jargon"))).isFalse();
        assertThat(domain.claims(request(Optional.empty(), "cora"))).isFalse();
        assertThat(domain.claims(request(Optional.empty(), "fashion-mnist"))).isFalse();
    }

    @Test
    void imageOptionIsRejected() {
        Cli.assertSearchRejected(dir.resolve("a.db"), "--train-images 500 does not apply to"
                + " --dataset jargon", List.of("--dataset", "jargon", "--train-images", "500"));
    }

    @Test
    void invalidUtf8FileIsRejected() throws IOException {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, "caf\u00e9\n".repeat(300).getBytes(StandardCharsets.ISO_8859_1));

        Cli.assertSearchRejected(dir.resolve("b.db"), file + " is not valid UTF-8: byte 0xE9"
                + " at offset 3 (line 1)", List.of("--dataset", "text:" + file));
    }

    @Test
    void missingOrShortFileIsRejected() throws IOException {
        Path shortFile = dir.resolve("short.txt");
        Files.writeString(shortFile, "too short");

        Cli.assertSearchRejected(dir.resolve("c.db"), "not found",
                List.of("--dataset", "text:" + dir.resolve("absent.txt")));
        Cli.assertSearchRejected(dir.resolve("d.db"), "has 9 characters, fewer than the 650",
                List.of("--dataset", "text:" + shortFile));
    }

    @Test
    void otherSpaceIsRejected() {
        Cli.Result result = Cli.run("search", "--dataset", "jargon", "--space", "nb201",
                "--trials", "1", "--storage", dir.resolve("e.db").toString(), "--study", "x");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--space nb201 does not fit --dataset jargon");
    }

    private static DomainRequest request(Optional<String> benchmark, String dataset) {
        return new DomainRequest(benchmark, dataset, Optional.empty(), Optional.empty(),
                Map.of(), Map.of());
    }
}
