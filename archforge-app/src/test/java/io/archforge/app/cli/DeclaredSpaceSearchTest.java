package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.archforge.space.Architecture;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.declared.SpaceDefinition;
import io.archforge.app.config.SpaceDefinitions;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.web.analysis.StudySnapshot;
import io.archforge.strategy.Strategies;
import io.archforge.study.FrozenTrial;
import io.archforge.study.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Searches a space declared in YAML with a Python script as the evaluator, through the
 * command line and a SQLite store.
 */
class DeclaredSpaceSearchTest {

    private static final String STUDY_YAML = """
            study: toy
            strategy: random
            trials: 14
            seed: 5
            objective: [score:max]
            evaluator:
              command: [python3, score.py]
              metrics: [score, cost]
              timeout: 30s
            space:
              name: toy
              choices:
                - {name: width, type: int, low: 1, high: 6}
                - {name: act, type: categorical, values: [a, b, c]}
                - {name: rate, type: real, low: 0.0001, high: 1.0, log: true}
                - {name: mode, type: categorical, values: [ok, ok2, ok3]}
              cells:
                - {name: cell, nodes: 3, operations: [conv, skip]}
            """;

    /** Scores as {@link #expectedScore} does; fails for mode crash. */
    private static final String SCRIPT = """
            import json, math, os, sys
            request = json.loads(sys.stdin.read())
            assert json.loads(os.environ["ARCHFORGE_ARCHITECTURE"]) == request
            c = request["choices"]
            if c["mode"] == "crash":
                print("diverged at step 3", file=sys.stderr)
                sys.exit(4)
            convs = sum(e["operation"] == "conv" for e in request["cells"]["cell"])
            score = (c["width"] * 10 + {"a": 0, "b": 5, "c": 2}[c["act"]]
                     - abs(math.log10(c["rate"]) + 2) + convs)
            print("training done")
            print(json.dumps({"score": score, "cost": c["width"]}))
            """;

    @TempDir
    Path dir;

    private Path store;

    @BeforeAll
    static void requirePython() {
        assumeTrue(python3Available(), "python3 is not installed");
    }

    private static boolean python3Available() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @BeforeEach
    void writeFiles() throws IOException {
        Files.writeString(dir.resolve("study.yaml"), STUDY_YAML);
        Files.writeString(dir.resolve("score.py"), SCRIPT);
        store = dir.resolve("studies.db");
    }

    private Cli.Result search(String... extra) {
        List<String> args = new ArrayList<>(List.of("search", "--config",
                dir.resolve("study.yaml").toString(), "--storage", store.toString(), "--json"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    /** Computes in Java the score that the script reports for {@code architecture}. */
    private static double expectedScore(SpaceDefinition definition, Architecture architecture) {
        ChoiceSpace space = definition.toSpace();
        int width = space.intValue(architecture, "width");
        String act = space.option(architecture, "act");
        double rate = space.doubleValue(architecture, "rate");
        long convs = definition.cellEdges(architecture).get("cell").stream()
                .filter(edge -> edge.operation().equals("conv")).count();
        int bonus = act.equals("b") ? 5 : act.equals("c") ? 2 : 0;
        return width * 10 + bonus - Math.abs(Math.log10(rate) + 2) + convs;
    }

    private List<FrozenTrial> trials(String study) {
        try (Storage storage = Storages.open("sqlite:" + store)) {
            return storage.trials(study);
        }
    }

    @Test
    void searchFindsScriptsBestTrial() {
        Cli.Result result = search();

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = result.json();
        assertThat(json.get("completed_trials").asInt()).isEqualTo(14);
        SpaceDefinition definition = SpaceDefinitions.readFile(dir.resolve("study.yaml"));
        List<FrozenTrial> trials = trials("toy");
        assertThat(trials).hasSize(14).allMatch(t -> t.state() == TrialState.COMPLETE);
        for (FrozenTrial trial : trials) {
            Architecture architecture = definition.toSpace().parse(trial.architecture());
            assertThat(trial.metrics().get("score")).as(trial.architecture())
                    .isCloseTo(expectedScore(definition, architecture),
                            org.assertj.core.data.Offset.offset(1e-9));
        }
        FrozenTrial best = trials.stream()
                .max(Comparator.comparingDouble(t -> t.metrics().get("score"))).orElseThrow();
        assertThat(json.get("best").get("trial").asInt()).isEqualTo(best.number());
        assertThat(json.get("best").get("architecture").asText())
                .isEqualTo(best.architecture());
    }

    @Test
    void resumeNeedsNoConfigFile() throws IOException {
        assertThat(search().exitCode()).isZero();
        Files.delete(dir.resolve("study.yaml"));

        Cli.Result resumed = Cli.run("search", "--study", "toy", "--storage", store.toString(),
                "--trials", "18", "--json");
        Cli.Result shown = Cli.run("study", "show", "toy", "--storage", store.toString());

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.json().get("completed_trials").asInt()).isEqualTo(18);
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("space=toy").contains("cell.1-2=");
        try (Storage storage = Storages.open("sqlite:" + store)) {
            assertThat(StudySnapshot.read(storage, "toy").orElseThrow().space())
                    .as("the dashboard's view of the declared space")
                    .hasValueSatisfying(space -> assertThat(space.name()).isEqualTo("toy"));
        }
    }

    @Test
    void resumeWithChangedSpaceConflicts() throws IOException {
        assertThat(search().exitCode()).isZero();
        Files.writeString(dir.resolve("study.yaml"), STUDY_YAML.replace("high: 6", "high: 7"));

        Cli.Result resumed = search();

        assertThat(resumed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(resumed.err()).contains("conflicts with study 'toy'")
                .contains("\"high\":6");
    }

    @Test
    void commandLineOverridesConfig() {
        Cli.Result result = search("--trials", "3", "--seed", "9");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.json().get("completed_trials").asInt()).isEqualTo(3);
        try (Storage storage = Storages.open("sqlite:" + store)) {
            assertThat(storage.loadStudy("toy").orElseThrow().seed()).isEqualTo(9);
        }
    }

    @Test
    void failingTrialsLeaveStudyRunning() throws IOException {
        Files.writeString(dir.resolve("study.yaml"), STUDY_YAML.replace("ok2", "crash"));

        Cli.Result result = search();

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<FrozenTrial> trials = trials("toy");
        List<FrozenTrial> failed = trials.stream()
                .filter(t -> t.state() == TrialState.FAILED).toList();
        assertThat(failed).isNotEmpty().allMatch(t -> t.architecture().contains("mode=crash"));
        assertThat(failed.get(0).error().orElseThrow())
                .contains("exited with status 4").contains("diverged at step 3");
        assertThat(trials).filteredOn(t -> t.state() == TrialState.COMPLETE)
                .allMatch(t -> !t.architecture().contains("mode=crash"))
                .isNotEmpty();
    }

    @Test
    void everyTrialFailingExitsNonZero() throws IOException {
        Files.writeString(dir.resolve("study.yaml"), STUDY_YAML.replace("trials: 14", "trials: 3")
                .replace("values: [ok, ok2, ok3]", "values: [crash]"));

        Cli.Result result = search();

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).contains("Every trial of study 'toy' failed (3 in all)")
                .contains("exited with status 4").doesNotContain("\tat ");
        assertThat(trials("toy")).hasSize(3).allMatch(t -> t.state() == TrialState.FAILED);
    }

    /** Checks the command-line path; DeclaredSpaceStrategiesTest runs longer searches. */
    @Test
    void everyStrategyRunsOnDeclaredSpace() {
        Set<String> multiObjective = Set.of("nsga2", "mo-evolution", "mo-bo");
        for (String strategy : Strategies.names()) {
            List<String> args = new ArrayList<>(List.of("--strategy", strategy, "--study",
                    "s-" + strategy, "--trials", "4"));
            if (multiObjective.contains(strategy)) {
                args.addAll(List.of("--objective", "score:max", "--objective", "cost:min"));
            }

            Cli.Result result = search(args.toArray(String[]::new));

            assertThat(result.exitCode()).as(strategy + ": " + result.err()).isZero();
            assertThat(result.json().get("completed_trials").asInt()).as(strategy)
                    .isEqualTo(4);
        }
    }

    @Test
    void spaceFileWithDatasetOption() throws IOException {
        Files.writeString(dir.resolve("space.yaml"), STUDY_YAML.substring(
                STUDY_YAML.indexOf("space:")));

        Cli.Result result = Cli.run("search", "--dataset", "command:python3 score.py",
                "--data", dir.toString(), "--space-file", dir.resolve("space.yaml").toString(),
                "--metric", "score", "--metric", "cost", "--trials", "4", "--storage",
                store.toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.json().get("study").asText()).isEqualTo("command-toy-evolution-s0");
        assertThat(result.json().get("objectives").get(0).asText()).isEqualTo("score:max");
        assertThat(result.json().get("completed_trials").asInt()).isEqualTo(4);
    }
}
