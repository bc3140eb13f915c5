package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.space.CellSpace;
import io.archforge.strategy.Strategies;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The NAS-Bench-201 search protocols and the generic strategy options of search. */
class ProtocolAndStrategyOptionsTest {

    @TempDir
    Path dir;

    @Test
    void valid12SearchesOnValidationAndReportsTestAccuracy() {
        String storage = dir.resolve("s.db").toString();

        Cli.Result result = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar100",
                "--protocol", "valid12", "--trials", "40", "--storage", storage, "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = result.json();
        assertThat(json.get("protocol").asText()).isEqualTo("valid12");
        assertThat(json.get("objectives").get(0).asText())
                .isEqualTo("valid_accuracy_12ep:max");
        JsonNode metrics = json.get("best").get("metrics");

        // The best trial is the one with the highest 12-epoch validation accuracy, and
        // its 200-epoch test accuracy is the table's value for that cell.
        Nb201Table table = Nb201Table.load();
        int cell = table.indexOf(CellSpace.nb201().parse(
                json.get("best").get("architecture").asText()));
        assertThat(metrics.get("test_accuracy").asDouble())
                .isEqualTo(table.testAccuracy(cell, Nb201Dataset.CIFAR100));
        JsonNode trials = Cli.run("study", "show", json.get("study").asText(), "--storage",
                storage, "--json").json().get("trials");
        double bestValid = 0;
        for (JsonNode trial : trials) {
            bestValid = Math.max(bestValid,
                    trial.get("metrics").get("valid_accuracy_12ep").asDouble());
        }
        assertThat(metrics.get("valid_accuracy_12ep").asDouble()).isEqualTo(bestValid);

        Cli.Result text = Cli.run("study", "best", json.get("study").asText(), "--storage",
                storage);
        assertThat(text.out()).contains("Protocol valid12: searched on valid_accuracy_12ep:max")
                .contains("200-epoch test_accuracy");
    }

    @Test
    void protocolIsStoredAndResumed() {
        String storage = dir.resolve("p.db").toString();
        assertThat(Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--protocol", "valid12", "--trials", "5", "--storage", storage, "--study", "p")
                .exitCode()).isZero();

        Cli.Result resumed = Cli.run("search", "--study", "p", "--storage", storage,
                "--trials", "8", "--protocol", "valid12", "--json");
        Cli.Result conflict = Cli.run("search", "--study", "p", "--storage", storage,
                "--trials", "9", "--protocol", "test");

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.json().get("completed_trials").asInt()).isEqualTo(8);
        assertThat(conflict.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(conflict.errLines()).singleElement().asString()
                .contains("--protocol test").contains("--protocol valid12");
    }

    @Test
    void strategyOptionIsStoredWithTheStudy() {
        String storage = dir.resolve("o.db").toString();

        Cli.Result result = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--strategy-option", "population=8", "--sample-size", "2", "--trials", "12",
                "--storage", storage, "--study", "o", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode config = Cli.run("study", "show", "o", "--storage", storage, "--json").json();
        assertThat(config.toString()).contains("\"population\":\"8\"")
                .contains("\"sample_size\":\"2\"");
        Cli.Result again = Cli.run("search", "--study", "o", "--storage", storage,
                "--strategy-option", "population=8", "--trials", "14");
        assertThat(again.exitCode()).as(again.err()).isZero();
    }

    @Test
    void shorthandMustAgreeWithStrategyOption() {
        Cli.Result result = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--strategy-option", "population=8", "--population", "9", "--storage",
                dir.resolve("c.db").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).singleElement().asString()
                .contains("--population 9").contains("population=8");
        assertThat(dir.resolve("c.db")).doesNotExist();
    }

    @Test
    void helpListsEveryStrategy() {
        Cli.Result help = Cli.run("search", "--help");

        assertThat(help.exitCode()).isZero();
        String flat = help.out().replaceAll("\\s+", " ");
        for (String name : Strategies.names()) {
            assertThat(flat).contains(name);
        }
        assertThat(flat).contains("--strategy-option").contains("--protocol");
    }
}
