package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code search --scheduler} and {@code search --proxy} end to end on a SQLite store. */
class SchedulerAndProxySearchTest {

    @TempDir
    Path dir;

    private List<JsonNode> trials(String study, Path store) {
        Cli.Result shown = Cli.run("study", "show", study, "--storage", store.toString(), "--json");
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        List<JsonNode> trials = new ArrayList<>();
        shown.json().get("trials").forEach(trials::add);
        return trials;
    }

    @Test
    void hyperbandStoresRungsAndStopsAtTheEpochBudget() {
        Path store = dir.resolve("s.db");
        Cli.Result result = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar100",
                "--scheduler", "hyperband", "--scheduler-option", "eta=4", "--budget-epochs", "3000",
                "--storage", store.toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.json().get("stop_reason").asText()).isEqualTo("cost_budget");
        String study = result.json().get("study").asText();
        assertThat(study).isEqualTo("cifar100-nb201-evolution-hyperband-s0");
        List<JsonNode> trials = trials(study, store);
        double spent = 0;
        for (JsonNode trial : trials) {
            spent += trial.get("metrics").get("training_epochs").asDouble();
            assertThat(trial.get("attributes").get("scheduler").asText()).isEqualTo("hyperband");
        }
        assertThat(spent).isGreaterThanOrEqualTo(3000);
        assertThat(trials).anySatisfy(t ->
                assertThat(t.get("attributes").has("promoted_from")).isTrue());
        // The best trial is a 200-epoch result.
        int best = result.json().get("best").get("trial").asInt();
        JsonNode chosen = trials.stream().filter(t -> t.get("trial").asInt() == best).findFirst().orElseThrow();
        assertThat(chosen.get("attributes").get("fidelity").asText()).isEqualTo("epochs:200");
    }

    @Test
    void aResumedStudyKeepsItsSchedulerAndRejectsAnother() {
        Path store = dir.resolve("r.db");
        assertThat(Cli.run("search", "--dataset", "cifar10", "--scheduler", "asha", "--trials", "10",
                "--storage", store.toString(), "--study", "a").exitCode()).isZero();
        Cli.Result again = Cli.run("search", "--study", "a", "--trials", "20", "--storage", store.toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(trials("a", store)).hasSize(20)
                .allSatisfy(t -> assertThat(t.get("attributes").get("scheduler").asText()).isEqualTo("asha"));
        Cli.Result other = Cli.run("search", "--study", "a", "--scheduler", "sh", "--storage", store.toString());
        assertThat(other.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(other.err()).contains("--scheduler").contains("asha");
    }

    @Test
    void aFlopsScreenStoresTheProxyWithEachTrial() {
        Path store = dir.resolve("p.db");
        Cli.Result result = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--proxy", "flops", "--trials", "12", "--storage", store.toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<JsonNode> trials = trials(result.json().get("study").asText(), store);
        assertThat(trials).hasSize(12).allSatisfy(t -> {
            JsonNode attributes = t.get("attributes");
            assertThat(attributes.get("proxy_pool").asInt()).isBetween(2, 10);
            // The screened value is the cell's FLOPs, which the evaluation measures as well.
            assertThat(attributes.get("proxy_flops").asDouble())
                    .isEqualTo(t.get("metrics").get("flops").asDouble());
        });
    }
}
