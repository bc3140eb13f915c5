package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.FrozenTrial;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --attack} and {@code --epsilon}: stored with the study, measured as
 * robust_accuracy by real training, and rejected with exit status 2 when they do not fit.
 */
class RobustnessCliTest {

    /** One block per stage, 16 channels: a few seconds of training. */
    private static final String SMALL = "s1.depth=1,s1.width=16,s1.kernel=3,s1.expansion=1,"
            + "s1.residual=off,s2.depth=1,s2.width=16,s2.kernel=3,s2.expansion=1,"
            + "s2.residual=off,s3.depth=1,s3.width=16,s3.kernel=3,s3.expansion=1,"
            + "s3.residual=off";
    /** One epoch over 320 images, scored on 100: seconds per trial. */
    private static final List<String> TINY = List.of("--epochs", "1", "--batch-size", "16",
            "--train-images", "320", "--validation-images", "100");

    @TempDir
    Path dir;

    private static StudyConfig stored(Path store, String study) {
        try (Storage storage = Storages.open(store.toString())) {
            return storage.loadStudy(study).orElseThrow();
        }
    }

    private static List<FrozenTrial> trials(Path store, String study) {
        try (Storage storage = Storages.open(store.toString())) {
            return storage.trials(study);
        }
    }

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of("unknown --attack 'cw'", List.of("--dataset", "fashion-mnist",
                        "--attack", "cw")),
                Arguments.of("invalid --epsilon -0.1", List.of("--dataset", "fashion-mnist",
                        "--attack", "fgsm", "--epsilon", "-0.1")),
                Arguments.of("invalid --epsilon 1.5", List.of("--dataset", "fashion-mnist",
                        "--attack", "pgd", "--epsilon", "1.5")),
                Arguments.of("invalid --epsilon NaN", List.of("--dataset", "fashion-mnist",
                        "--attack", "noise", "--epsilon", "NaN")),
                Arguments.of("'abc'", List.of("--dataset", "fashion-mnist", "--attack", "fgsm",
                        "--epsilon", "abc")),
                Arguments.of("--epsilon 0.2 needs --attack", List.of("--dataset",
                        "fashion-mnist", "--epsilon", "0.2")),
                Arguments.of("--attack fgsm applies only to real training", List.of(
                        "--benchmark", "nb201", "--dataset", "cifar10", "--attack", "fgsm")),
                Arguments.of("--objective robust_accuracy:max", List.of("--dataset",
                        "fashion-mnist", "--objective", "accuracy:max", "--objective",
                        "robust_accuracy:max")),
                Arguments.of("--constraint robust_accuracy>=50", List.of("--dataset",
                        "fashion-mnist", "--constraint", "robust_accuracy>=50")),
                Arguments.of("--attack does not apply to --strategy darts", List.of(
                        "--dataset", "fashion-mnist", "--strategy", "darts", "--attack",
                        "fgsm")));
    }

    @ParameterizedTest(name = "search {0}")
    @MethodSource("badOptions")
    void badSearchStoresNothing(String message, List<String> options) {
        Cli.assertSearchRejected(dir.resolve("s.db"), message, options);
    }

    @Test
    void messageNamesTheFix() {
        Cli.Result result = Cli.run("search", "--dataset", "fashion-mnist", "--objective",
                "robust_accuracy:max", "--storage", dir.resolve("s.db").toString());

        assertThat(result.err()).contains("add --attack noise, fgsm or pgd");
    }

    @Test
    void searchStoresAttackOptions() {
        Path store = dir.resolve("s.db");

        Cli.Result result = Cli.run("search", "--dataset", "fashion-mnist", "--attack", "pgd",
                "--epsilon", "0.05", "--trials", "0", "--storage", store.toString(),
                "--study", "r");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(stored(store, "r").evaluatorOptions()).containsEntry("attack", "pgd")
                .containsEntry("epsilon", "0.05").containsEntry("attack_steps", "10");
    }

    @Test
    void attackWithoutEpsilonStoresDefault() {
        Path store = dir.resolve("s.db");

        Cli.Result result = Cli.run("search", "--dataset", "fashion-mnist", "--attack", "fgsm",
                "--trials", "0", "--storage", store.toString(), "--study", "r");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(stored(store, "r").evaluatorOptions()).containsEntry("attack", "fgsm")
                .containsEntry("epsilon", "0.1").doesNotContainKey("attack_steps");
    }

    @Test
    void resumeWithOtherAttackIsRejected() throws IOException {
        Path store = dir.resolve("s.db");
        assertThat(Cli.run("search", "--dataset", "fashion-mnist", "--attack", "fgsm",
                "--trials", "0", "--storage", store.toString(), "--study", "r").exitCode())
                .isZero();
        byte[] before = Files.readAllBytes(store);

        Cli.Result otherAttack = Cli.run("search", "--study", "r", "--attack", "pgd",
                "--storage", store.toString());
        Cli.Result otherEpsilon = Cli.run("search", "--study", "r", "--epsilon", "0.2",
                "--storage", store.toString());

        assertThat(otherAttack.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(otherAttack.err()).contains("--attack pgd conflicts with study 'r'")
                .contains("--attack fgsm");
        assertThat(otherEpsilon.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(otherEpsilon.err()).contains("--epsilon 0.2 conflicts with study 'r'");
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
    }

    @Test
    void resumeWithSameAttackRuns() {
        Path store = dir.resolve("s.db");
        assertThat(Cli.run("search", "--dataset", "fashion-mnist", "--attack", "fgsm",
                "--trials", "0", "--storage", store.toString(), "--study", "r").exitCode())
                .isZero();

        Cli.Result resumed = Cli.run("search", "--study", "r", "--attack", "fgsm",
                "--epsilon", "0.1", "--trials", "0", "--storage", store.toString());

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
    }

    @Test
    void resumeWithoutAttackUsesStoredAttack() {
        Path store = dir.resolve("s.db");
        List<String> create = new ArrayList<>(List.of("search", "--dataset", "fashion-mnist",
                "--strategy", "nsga2", "--objective", "accuracy:max", "--objective",
                "robust_accuracy:max", "--storage", store.toString(), "--study", "r"));
        create.addAll(TINY);
        List<String> resume = new ArrayList<>(create);
        create.addAll(List.of("--attack", "fgsm", "--epsilon", "0.1", "--trials", "0"));
        assertThat(Cli.run(create.toArray(String[]::new)).exitCode()).isZero();
        List<String> otherAttack = new ArrayList<>(resume);
        otherAttack.addAll(List.of("--attack", "pgd", "--trials", "1"));
        resume.addAll(List.of("--trials", "1"));

        Cli.Result conflict = Cli.run(otherAttack.toArray(String[]::new));
        Cli.Result resumed = Cli.run(resume.toArray(String[]::new));

        assertThat(conflict.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(conflict.err()).contains("--attack pgd conflicts with study 'r'");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        List<FrozenTrial> complete = trials(store, "r").stream()
                .filter(t -> t.state() == TrialState.COMPLETE).toList();
        assertThat(complete).hasSize(1);
        assertThat(complete.get(0).metrics()).containsKey("robust_accuracy");
        assertThat(complete.get(0).attributes()).containsEntry("attack", "fgsm");
    }

    @Test
    void newStudyInStoreNeedsAttack() {
        Path store = dir.resolve("s.db");
        assertThat(Cli.run("search", "--dataset", "fashion-mnist", "--attack", "fgsm",
                "--trials", "0", "--storage", store.toString(), "--study", "r").exitCode())
                .isZero();

        Cli.Result result = Cli.run("search", "--dataset", "fashion-mnist", "--objective",
                "robust_accuracy:max", "--trials", "0", "--storage", store.toString(),
                "--study", "other");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).singleElement().asString()
                .contains("--objective robust_accuracy:max").contains("add --attack");
        try (Storage storage = Storages.open(store.toString())) {
            assertThat(storage.loadStudy("other")).isEmpty();
        }
    }

    @Test
    void helpListsEveryAttack() {
        for (String command : List.of("search", "evaluate")) {
            // Help text wraps at the terminal width, so compare with single spaces.
            String help = Cli.run(command, "--help").out().replaceAll("\\s+", " ");

            assertThat(help).as(command)
                    .contains("--attack=noise|fgsm|pgd|brightness|contrast")
                    .contains("the brightness or contrast corruption")
                    .contains("added to every pixel by brightness")
                    .contains("contrast moves each pixel");
        }
    }

    @Test
    void evaluateRejectsAttackOnBenchmark() {
        Cli.Result result = Cli.run("evaluate", "|nor_conv_3x3~0|+|nor_conv_3x3~0|"
                + "skip_connect~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|",
                "--benchmark", "nb201", "--dataset", "cifar10", "--attack", "fgsm");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).singleElement().asString()
                .contains("--attack fgsm applies only to real training");
    }

    @Test
    void evaluateMeasuresRobustAccuracy() {
        List<String> args = new ArrayList<>(List.of("evaluate", SMALL, "--dataset",
                "fashion-mnist", "--attack", "fgsm", "--epsilon", "0.1", "--json"));
        args.addAll(TINY);

        Cli.Result result = Cli.run(args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = result.json();
        double accuracy = json.get("metrics").get("accuracy").asDouble();
        double robust = json.get("metrics").get("robust_accuracy").asDouble();
        assertThat(robust).isBetween(0.0, accuracy);
        assertThat(json.get("attributes").get("attack").asText()).isEqualTo("fgsm");
        assertThat(json.get("attributes").get("attack_epsilon").asText()).isEqualTo("0.1");
    }

    @Test
    void searchMeasuresEveryCompleteTrial() {
        Path store = dir.resolve("s.db");
        List<String> args = new ArrayList<>(List.of("search", "--dataset", "fashion-mnist",
                "--attack", "fgsm", "--epsilon", "0.1", "--strategy", "random",
                "--objective", "accuracy:max", "--objective", "robust_accuracy:max",
                "--trials", "2", "--storage", store.toString(), "--study", "r", "--json"));
        args.addAll(TINY);

        Cli.Result first = Cli.run(args.toArray(String[]::new));
        // Resuming without --attack rebuilds the evaluator from the stored options.
        Cli.Result resumed = Cli.run("search", "--study", "r", "--trials", "3", "--storage",
                store.toString(), "--json");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(stored(store, "r").evaluatorOptions()).containsEntry("attack", "fgsm")
                .containsEntry("epsilon", "0.1");
        List<FrozenTrial> complete = trials(store, "r").stream()
                .filter(t -> t.state() == TrialState.COMPLETE).toList();
        assertThat(complete).hasSize(3);
        for (FrozenTrial trial : complete) {
            assertThat(trial.metrics()).as("trial %d", trial.number())
                    .containsKey("robust_accuracy");
            assertThat(trial.metrics().get("robust_accuracy")).as("trial %d", trial.number())
                    .isBetween(0.0, 100.0);
            assertThat(trial.attributes()).as("trial %d", trial.number())
                    .containsEntry("attack", "fgsm").containsEntry("attack_epsilon", "0.1");
        }
    }
}
