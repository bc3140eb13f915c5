package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.archforge.space.CellSpace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyCommandsTest {

    @TempDir
    Path dir;

    private String storage;

    @BeforeEach
    void createStudies() {
        storage = dir.resolve("s.db").toString();
        assertThat(Cli.run("search", "--dataset", "cifar10", "--trials", "15", "--storage", storage,
                "--study", "alpha").exitCode()).isZero();
        assertThat(Cli.run("search", "--dataset", "cifar100", "--strategy", "random",
                "--trials", "7",
                "--storage", storage, "--study", "beta", "--seed", "3").exitCode()).isZero();
    }

    @Test
    void listNamesEveryStudy() {
        Cli.Result result = Cli.run("study", "list", "--storage", storage, "--json");

        assertThat(result.exitCode()).isZero();
        JsonNode studies = result.json().get("studies");
        assertThat(studies.size()).isEqualTo(2);
        assertThat(studies.get(0).get("study").asText()).isEqualTo("alpha");
        assertThat(studies.get(0).get("completed_trials").asInt()).isEqualTo(15);
        assertThat(studies.get(1).get("study").asText()).isEqualTo("beta");
        assertThat(studies.get(1).get("strategy").asText()).isEqualTo("random");
        assertThat(studies.get(1).get("seed").asLong()).isEqualTo(3);
        assertThat(studies.get(1).get("total_trials").asInt()).isEqualTo(7);
    }

    @Test
    void listTextHasOneRowPerStudy() {
        Cli.Result result = Cli.run("study", "list", "--storage", storage);

        assertThat(result.out().lines().filter(l -> l.startsWith("alpha") || l.startsWith("beta")))
                .hasSize(2);
    }

    @Test
    void listOfMissingStoreIsEmpty() {
        Cli.Result result = Cli.run("study", "list", "--storage", dir.resolve("none.db").toString(),
                "--json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.json().get("studies").size()).isZero();
        assertThat(dir.resolve("none.db")).doesNotExist();
    }

    @Test
    void showListsEveryTrial() {
        Cli.Result result = Cli.run("study", "show", "beta", "--storage", storage, "--json");

        JsonNode json = result.json();
        assertThat(json.get("completed_trials").asInt()).isEqualTo(7);
        assertThat(json.get("trials").size()).isEqualTo(7);
        List<Integer> numbers = new ArrayList<>();
        for (JsonNode trial : json.get("trials")) {
            numbers.add(trial.get("trial").asInt());
            assertThat(trial.get("state").asText()).isEqualTo("COMPLETE");
            CellSpace.nb201().parse(trial.get("architecture").asText());
            assertThat(trial.get("metrics").get("test_accuracy").isNumber()).isTrue();
        }
        assertThat(numbers).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(json.get("strategy").asText()).isEqualTo("random");
    }

    @Test
    void bestMatchesSearchOutput() {
        Cli.Result search = Cli.run("search", "--study", "alpha", "--storage", storage,
                "--trials", "15",
                "--json");
        Cli.Result best = Cli.run("study", "best", "alpha", "--storage", storage, "--json");

        assertThat(best.exitCode()).isZero();
        assertThat(best.json().get("best")).isEqualTo(search.json().get("best"));
        assertThat(best.json().get("completed_trials").asInt()).isEqualTo(15);
    }

    @Test
    void showUnknownStudyIsUsageError() {
        Cli.Result result = Cli.run("study", "show", "gamma", "--storage", storage);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).singleElement().asString().contains("gamma");
    }
}
