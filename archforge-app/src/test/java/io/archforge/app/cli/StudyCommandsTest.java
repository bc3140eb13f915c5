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
    void listTextNamesDataset() {
        Cli.Result result = Cli.run("study", "list", "--storage", storage);

        assertThat(result.out().lines().filter(l -> l.startsWith("alpha")))
                .singleElement().asString().contains("cifar10 (nb201)");
        assertThat(result.out()).doesNotContain("nb201 cifar");
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

    @Test
    void unusableStoreIsUsageError() {
        String directory = dir.toString();
        for (String value : List.of("sqlite:", directory, "/proc/x.db", "mysql://localhost/x")) {
            String search = Cli.run("search", "--dataset", "cifar10", "--storage", value)
                    .errLines().get(0);
            for (List<String> command : List.of(List.of("list"), List.of("show", "alpha"),
                    List.of("best", "alpha"))) {
                List<String> args = new ArrayList<>(List.of("study"));
                args.addAll(command);
                args.addAll(List.of("--storage", value));

                Cli.Result result = Cli.run(args.toArray(String[]::new));

                assertThat(result.exitCode()).as("%s", args).isEqualTo(ExitCodes.USAGE);
                assertThat(result.out()).as("%s", args).isEmpty();
                assertThat(result.errLines()).as("%s", args).containsExactly(search);
            }
        }
        assertThat(Path.of("mysql:")).doesNotExist();
    }

    @Test
    void unreachablePostgresIsFailure() {
        // Port 1 on the loopback interface: refused at once, nothing leaves the machine.
        Cli.Result result = Cli.run("study", "list", "--storage",
                "postgresql://nas@127.0.0.1:1/studies");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.errLines()).singleElement().asString()
                .contains("127.0.0.1:1")
                .contains("not reachable");
    }

    @Test
    void malformedPostgresUrlIsUsageError() {
        Cli.Result result = Cli.run("study", "list", "--storage", "postgresql://nas@127.0.0.1:1");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).singleElement().asString()
                .contains("postgresql://nas@127.0.0.1:1");
    }
}
