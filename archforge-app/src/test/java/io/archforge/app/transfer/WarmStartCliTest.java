package io.archforge.app.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.archforge.app.cli.Cli;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import io.archforge.transfer.Transfer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarmStartCliTest {

    @TempDir
    Path dir;

    private String store;

    @BeforeEach
    void searchSource() {
        store = dir.resolve("studies.db").toString();
        Cli.Result source = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--trials", "60", "--study", "c10", "--storage", store, "--json");
        assertThat(source.exitCode()).as(source.err()).isZero();
    }

    @Test
    void warmStartMarksAndWeighsTransferredTrials() {
        Cli.Result warm = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar100",
                "--trials", "15", "--study", "c100", "--warm-start-from", "c10",
                "--storage", store, "--json");

        assertThat(warm.exitCode()).as(warm.err()).isZero();
        JsonNode json = warm.json();
        assertThat(json.get("completed_trials").asInt()).isEqualTo(15);
        assertThat(json.get("total_trials").asInt()).isEqualTo(15);
        JsonNode transfer = json.get("transfer").get(0);
        assertThat(transfer.get("study").asText()).isEqualTo("c10");
        assertThat(transfer.get("transferred_trials").asInt()).isEqualTo(60);
        assertThat(transfer.get("weight").asDouble()).isBetween(0.0, 1.0);
        assertThat(transfer.get("pairs").asInt()).isPositive().isLessThanOrEqualTo(15);

        JsonNode shown = Cli.run("study", "show", "c100", "--storage", store, "--json").json();
        JsonNode first = shown.get("trials").get(0);
        assertThat(first.get("attributes").get(Transfer.TRANSFERRED_FROM).asText())
                .startsWith("c10#");
        assertThat(first.get("attributes").get(Transfer.WEIGHTS).asText())
                .isEqualTo("c10=0.500");
        assertThat(shown.get("transfer").get(0).get("weight").asDouble())
                .isEqualTo(transfer.get("weight").asDouble());
        for (JsonNode trial : shown.get("trials")) {
            assertThat(trial.get("attributes").has(Transfer.WEIGHTS)).isTrue();
        }
    }

    @Test
    void firstTrialEvaluatesTheSourcesBestCell() {
        JsonNode source = Cli.run("study", "best", "c10", "--storage", store, "--json").json();
        Cli.Result warm = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar100",
                "--trials", "1", "--study", "c100", "--warm-start-from", "c10",
                "--storage", store, "--json");

        JsonNode shown = Cli.run("study", "show", "c100", "--storage", store, "--json").json();
        assertThat(warm.exitCode()).as(warm.err()).isZero();
        assertThat(shown.get("trials").get(0).get("architecture").asText())
                .isEqualTo(source.get("best").get("architecture").asText());
    }

    @Test
    void resumeKeepsTheStoredSourcesAndRejectsOthers() {
        Cli.Result first = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar100",
                "--trials", "5", "--study", "c100", "--warm-start-from", "c10",
                "--storage", store);
        assertThat(first.exitCode()).as(first.err()).isZero();

        // The first ten trials are the source's elites, which the agreement leaves out.
        Cli.Result resumed = Cli.run("search", "--study", "c100", "--trials", "25",
                "--storage", store, "--json");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.json().get("completed_trials").asInt()).isEqualTo(25);
        assertThat(resumed.json().get("transfer").get(0).get("pairs").asInt())
                .isGreaterThan(0);

        Cli.Result other = Cli.run("search", "--study", "c100", "--trials", "30",
                "--warm-start-from", "elsewhere", "--storage", store);
        assertThat(other.exitCode()).isEqualTo(2);
        assertThat(other.err()).contains("was warm-started from [c10]");
    }

    @Test
    void sourceOfAnotherSpaceIsRejected() {
        try (Storage storage = Storages.open("sqlite:" + store)) {
            storage.createStudy(new StudyConfig("macro-study", "macro", "training",
                    Map.of(), "evolution", Map.of(), List.of(Objective.maximize("accuracy")), 0));
        }
        Cli.Result result = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar100",
                "--trials", "5", "--study", "c100", "--warm-start-from", "macro-study",
                "--storage", store);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("searched space 'macro'")
                .contains("this one searches 'nb201'");
        assertThat(Cli.run("study", "list", "--storage", store).out()).doesNotContain("c100");
    }

    @Test
    void unknownOrSelfSourceIsRejected() {
        Cli.Result unknown = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar100",
                "--trials", "5", "--study", "c100", "--warm-start-from", "nowhere",
                "--storage", store);
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--warm-start-from nowhere: no such study")
                .contains("c10");

        Cli.Result self = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar100",
                "--trials", "5", "--study", "c100", "--warm-start-from", "c100",
                "--storage", store);
        assertThat(self.exitCode()).isEqualTo(2);
        assertThat(self.err()).contains("names the study itself");
    }
}
