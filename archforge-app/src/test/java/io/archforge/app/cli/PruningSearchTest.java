package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code search --prune-risk} end to end on an SQLite store, and its bad input. */
class PruningSearchTest {

    @TempDir
    Path dir;

    @Test
    void riskOutsideOpenIntervalIsRejected() {
        Path store = dir.resolve("s.db");

        Cli.Result result = Cli.run("search", "--dataset", "cifar10", "--prune-risk", "1.5",
                "--storage", store.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).contains("--prune-risk 1.5").contains("between 0 and 1")
                .contains("such as 0.05");
        assertThat(store).doesNotExist();
    }

    @Test
    void unknownPredictorIsRejected() {
        Path store = dir.resolve("s.db");

        Cli.Result result = Cli.run("search", "--dataset", "cifar10", "--prune-risk", "0.05",
                "--prune-predictor", "oracle", "--storage", store.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).contains("--prune-predictor 'oracle'").contains("use one of")
                .contains("gp");
        assertThat(store).doesNotExist();
    }

    @Test
    void minTrialsBelowPredictorMinimumIsRejected() {
        Path store = dir.resolve("s.db");

        Cli.Result result = Cli.run("search", "--dataset", "cifar10", "--prune-risk", "0.05",
                "--prune-predictor", "ensemble", "--prune-min-trials", "3",
                "--storage", store.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).contains("--prune-min-trials 3").contains("'ensemble'")
                .contains("--prune-min-trials 5 or more");
        assertThat(store).doesNotExist();
    }

    @Test
    void pruningOptionsNeedRisk() {
        Cli.Result result = Cli.run("search", "--dataset", "cifar10", "--prune-min-trials",
                "10", "--storage", dir.resolve("s.db").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("need --prune-risk");
    }

    @Test
    void prunedSearchStoresSkipsAndResumesTheSameWay() {
        Path store = dir.resolve("p.db");
        Cli.Result first = Cli.run("search", "--dataset", "cifar10", "--trials", "50",
                "--prune-risk", "0.5", "--prune-min-trials", "10", "--seed", "3",
                "--storage", store.toString(), "--study", "p", "--json");

        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode report = first.json();
        assertThat(report.get("completed_trials").asInt()).isEqualTo(50);
        int skipped = report.get("skipped_trials").asInt();
        assertThat(skipped).isPositive();
        assertThat(report.get("total_trials").asInt()).isEqualTo(50 + skipped);

        Cli.Result shown = Cli.run("study", "show", "p", "--storage", store.toString(), "--json");
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        JsonNode options = shown.json().get("strategy_options");
        assertThat(options.get("prune_risk").asText()).isEqualTo("0.5");
        assertThat(options.get("prune_predictor").asText()).isEqualTo("gp");
        assertThat(options.get("prune_min_trials").asText()).isEqualTo("10");
        List<JsonNode> skippedTrials = new ArrayList<>();
        shown.json().get("trials").forEach(t -> {
            if (t.get("state").asText().equals("SKIPPED")) {
                skippedTrials.add(t);
            }
        });
        assertThat(skippedTrials).hasSize(skipped).allSatisfy(t -> {
            assertThat(t.get("attributes").has("improvement_probability")).isTrue();
            assertThat(t.get("attributes").has("predicted_mean")).isTrue();
            assertThat(t.get("attributes").get("prune_risk").asText()).isEqualTo("0.5");
        });

        // The stored settings apply on resume; another risk conflicts with them.
        Cli.Result resumed = Cli.run("search", "--study", "p", "--trials", "70",
                "--storage", store.toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("70 completed of").contains("evaluations saved");
        Cli.Result conflicting = Cli.run("search", "--study", "p", "--prune-risk", "0.1",
                "--storage", store.toString());
        assertThat(conflicting.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(conflicting.err()).contains("--prune-risk 0.1 conflicts")
                .contains("--prune-risk 0.5");

        Cli.Result text = Cli.run("study", "show", "p", "--storage", store.toString());
        assertThat(text.out()).contains("evaluations saved").contains("SKIPPED")
                .contains("improvement probability");
    }
}
