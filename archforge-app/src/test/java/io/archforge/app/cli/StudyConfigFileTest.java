package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.StudyConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Applies YAML study configurations to {@code search} on the NAS-Bench-201 tables. */
class StudyConfigFileTest {

    @TempDir
    Path dir;

    private Path config(String text) throws IOException {
        Path file = dir.resolve("study.yaml");
        Files.writeString(file, text);
        return file;
    }

    private void assertRejected(String yaml, String message) throws IOException {
        Path file = config(yaml);
        Path store = dir.resolve("rejected.db");

        Cli.Result result = Cli.run("search", "--config", file.toString(), "--storage",
                store.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).singleElement().asString()
                .contains(file.toString()).contains(message).doesNotContain("Exception");
        assertThat(store).doesNotExist();
    }

    @Test
    void configGivesSearchOptions() throws IOException {
        Path file = config("""
                benchmark: nb201
                dataset: cifar100
                strategy: random
                trials: 7
                seed: 4
                study: from-yaml
                objective:
                  - test_accuracy:max
                """);
        String store = dir.resolve("s.db").toString();

        Cli.Result result = Cli.run("search", "--config", file.toString(), "--storage", store,
                "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.json().get("completed_trials").asInt()).isEqualTo(7);
        try (Storage storage = Storages.open("sqlite:" + store)) {
            StudyConfig stored = storage.loadStudy("from-yaml").orElseThrow();
            assertThat(stored.strategy()).isEqualTo("random");
            assertThat(stored.seed()).isEqualTo(4);
            assertThat(stored.evaluatorOptions()).containsEntry("dataset", "cifar100");
        }
    }

    @Test
    void commandLineWinsOverConfig() throws IOException {
        Path file = config("dataset: cifar10\ntrials: 9\nstudy: s\nstrategy: random\n");
        String store = dir.resolve("s.db").toString();

        Cli.Result result = Cli.run("search", "--config", file.toString(), "--storage", store,
                "--trials", "2", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.json().get("completed_trials").asInt()).isEqualTo(2);
    }

    @Test
    void resumeComparesConfigValues() throws IOException {
        Path file = config("dataset: cifar10\ntrials: 3\nstudy: s\nstrategy: random\n");
        String store = dir.resolve("s.db").toString();
        assertThat(Cli.run("search", "--config", file.toString(), "--storage", store)
                .exitCode()).isZero();
        config("dataset: cifar10\ntrials: 3\nstudy: s\nstrategy: evolution\n");

        Cli.Result result = Cli.run("search", "--config", file.toString(), "--storage", store);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--strategy evolution conflicts with study 's'");
    }

    @Test
    void underscoresMatchDashedKeys() throws IOException {
        Path file = config("dataset: cifar10\nstudy: u\ntime_limit: 1m\ntrials: 2\n"
                + "strategy_option: [population=10]\nstrategy: evolution\n");
        String store = dir.resolve("u.db").toString();

        Cli.Result result = Cli.run("search", "--config", file.toString(), "--storage", store);

        assertThat(result.exitCode()).as(result.err()).isZero();
        try (Storage storage = Storages.open("sqlite:" + store)) {
            assertThat(storage.loadStudy("u").orElseThrow().strategyOptions())
                    .containsEntry("population", "10");
        }
    }

    @Test
    void typoKeyNamesClosestKey() throws IOException {
        assertRejected("dataset: cifar10\ntrails: 20\n",
                "line 2: unknown key 'trails' in the configuration; did you mean 'trials'?");
    }

    @Test
    void wrongTypeNamesExpectedType() throws IOException {
        assertRejected("dataset: cifar10\nseed: [1, 2]\n",
                "line 2: 'seed' is a list; expected an integer");
        assertRejected("dataset: cifar10\ntrials: 2.5\n",
                "line 2: 'trials' is the number 2.5; expected an integer");
        assertRejected("dataset: cifar10\ntune-recipe: 1\n",
                "line 2: 'tune-recipe' is the number 1; expected true or false");
    }

    @Test
    void badEvaluatorSectionRejected() throws IOException {
        assertRejected("evaluator:\n  comand: [python3, t.py]\n",
                "line 2: unknown key 'comand' in the evaluator section; did you mean "
                        + "'command'?");
        assertRejected("evaluator:\n  metrics: [score]\n",
                "line 1: the evaluator section is missing the key 'command'");
        assertRejected("dataset: cifar10\nevaluator:\n  command: [python3, t.py]\n",
                "line 2: the configuration has both 'dataset' and an evaluator section");
        assertRejected("evaluator:\n  command: [sh]\n  timeout: soon\n",
                "line 3: 'timeout' is the text 'soon'; expected seconds or a duration");
    }

    @Test
    void declaredSpaceNeedsCommandEvaluator() throws IOException {
        assertRejected("""
                dataset: cifar10
                space:
                  name: s
                  choices:
                    - {name: x, type: int, low: 0, high: 3}
                """, "line 2: a declared space needs the command evaluator, not --dataset "
                + "cifar10");
    }

    @Test
    void invalidYamlNamesLine() throws IOException {
        assertRejected("dataset: cifar10\ntrials: [1, 2\n", "invalid YAML");
    }

    @Test
    void emptyConfigRejected() throws IOException {
        assertRejected("", "the configuration is empty");
    }

    @Test
    void missingConfigFileRejected() {
        Cli.Result result = Cli.run("search", "--config", dir.resolve("none.yaml").toString(),
                "--storage", dir.resolve("x.db").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).singleElement().asString().contains("none.yaml")
                .contains("not found");
    }

    @Test
    void exampleStudyRuns() {
        Path example = Path.of("..", "examples", "own-domain", "study.yaml");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(example),
                "the examples folder is not next to this module");
        List<String> args = List.of("search", "--config", example.toString(), "--storage",
                dir.resolve("own.db").toString(), "--trials", "3", "--json");

        Cli.Result result = Cli.run(args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.json().get("completed_trials").asInt()).isEqualTo(3);
        assertThat(result.json().get("best").get("metrics").get("accuracy").asDouble())
                .isBetween(0.0, 100.0);
    }
}
