package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.space.RecipeSpace;
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
 * {@code --tune-recipe} and {@code --recipe-range}: rejected with exit status 2 when they
 * do not fit, stored with the study, and searched by real training of tiny trials.
 */
class RecipeTuningCliTest {

    /** Few images and epochs: a trial trains in a second or two. */
    private static final List<String> TINY = List.of("--dataset", "fashion-mnist",
            "--train-images", "320", "--validation-images", "100", "--strategy", "random");

    @TempDir
    Path dir;

    static Stream<Arguments> badOptions() {
        return Stream.of(
                Arguments.of("--recipe-range learning_rate=0.01:0.1 needs --tune-recipe",
                        List.of("--dataset", "fashion-mnist", "--recipe-range",
                                "learning_rate=0.01:0.1")),
                Arguments.of("invalid --recipe-range 'learning_rate=0.3:0.001': low 0.3 is"
                        + " above high 0.001; write the smaller bound first", List.of(
                        "--dataset", "fashion-mnist", "--tune-recipe", "--recipe-range",
                        "learning_rate=0.3:0.001")),
                Arguments.of("invalid --recipe-range 'momentum=0.5:0.9': unknown recipe"
                        + " setting 'momentum'; ranges apply to [learning_rate", List.of(
                        "--dataset", "fashion-mnist", "--tune-recipe", "--recipe-range",
                        "momentum=0.5:0.9")),
                Arguments.of("bound 'fast' of 'learning_rate' is not a finite number",
                        List.of("--dataset", "fashion-mnist", "--tune-recipe",
                                "--recipe-range", "learning_rate=fast:0.3")),
                Arguments.of("invalid --recipe-range 'epochs=2': 'epochs=2' is not of the"
                        + " form NAME=LOW:HIGH", List.of("--dataset", "fashion-mnist",
                        "--tune-recipe", "--recipe-range", "epochs=2")),
                Arguments.of("--tune-recipe applies to real training only", List.of(
                        "--benchmark", "nb201", "--dataset", "cifar10", "--tune-recipe")),
                Arguments.of("--space macro+recipe applies to real training only: the"
                        + " nb201 benchmark's tables hold the results of one fixed training"
                        + " recipe; drop --space macro+recipe,", List.of("--dataset", "cifar10",
                        "--space", "macro+recipe")),
                Arguments.of("invalid --recipe-range 'epochs=1.5:3': invalid range 1.5:3 of"
                        + " 'epochs': it takes integers only", List.of("--dataset",
                        "fashion-mnist", "--tune-recipe", "--recipe-range", "epochs=1.5:3")),
                Arguments.of("--train-images 20 is smaller than batch size 32, the smallest"
                        + " in --recipe-range batch_size=32:256", List.of("--dataset",
                        "fashion-mnist", "--tune-recipe", "--train-images", "20")),
                Arguments.of("--learning-rate 0.05 conflicts with --tune-recipe", List.of(
                        "--dataset", "fashion-mnist", "--tune-recipe", "--learning-rate",
                        "0.05")),
                Arguments.of("--recipe-range epochs=1:5 does not apply with --scheduler"
                        + " asha", List.of("--dataset", "fashion-mnist", "--tune-recipe",
                        "--scheduler", "asha", "--recipe-range", "epochs=1:5")),
                Arguments.of("not --space nb101", List.of("--dataset", "fashion-mnist",
                        "--tune-recipe", "--space", "nb101")),
                Arguments.of("would try batch size 256, above the 200 training images",
                        List.of("--dataset", "fashion-mnist", "--tune-recipe",
                                "--train-images", "200")),
                Arguments.of("--tune-recipe does not apply to --strategy darts", List.of(
                        "--dataset", "fashion-mnist", "--strategy", "darts",
                        "--tune-recipe")));
    }

    @ParameterizedTest(name = "search {0}")
    @MethodSource("badOptions")
    void badSearchStoresNothing(String message, List<String> options) {
        Cli.assertSearchRejected(dir.resolve("s.db"), message, options);
    }

    @Test
    void searchStoresTheGivenRanges() {
        Path store = dir.resolve("s.db");

        Cli.Result result = Cli.run("search", "--dataset", "fashion-mnist", "--tune-recipe",
                "--recipe-range", "learning_rate=1e-2:0.1", "--recipe-range", "epochs=1:2",
                "--trials", "0", "--storage", store.toString(), "--study", "r");

        assertThat(result.exitCode()).as(result.err()).isZero();
        StudyConfig config = stored(store, "r");
        assertThat(config.space()).isEqualTo(RecipeSpace.NAME);
        assertThat(config.evaluatorOptions())
                .containsEntry("recipe_range.learning_rate", "0.01:0.1")
                .containsEntry("recipe_range.epochs", "1:2");
    }

    @Test
    void resumeWithOtherRecipeOptionsRejected() throws IOException {
        Path store = dir.resolve("s.db");
        assertThat(Cli.run("search", "--dataset", "fashion-mnist", "--tune-recipe",
                "--recipe-range", "dropout=0:0.2", "--trials", "0", "--storage",
                store.toString(), "--study", "tuned").exitCode()).isZero();
        assertThat(Cli.run("search", "--dataset", "fashion-mnist", "--trials", "0",
                "--storage", store.toString(), "--study", "fixed").exitCode()).isZero();
        byte[] before = Files.readAllBytes(store);

        Cli.Result otherRange = Cli.run("search", "--study", "tuned", "--tune-recipe",
                "--recipe-range", "dropout=0:0.4", "--storage", store.toString());
        Cli.Result fixed = Cli.run("search", "--study", "fixed", "--tune-recipe",
                "--storage", store.toString());
        Cli.Result same = Cli.run("search", "--study", "tuned", "--tune-recipe",
                "--recipe-range", "dropout=0.0:0.2", "--trials", "0", "--storage",
                store.toString());

        assertThat(otherRange.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(otherRange.err()).contains("--recipe-range [dropout=0:0.4] conflicts with"
                + " study 'tuned'").contains("recipe_range.dropout=0.0:0.2");
        assertThat(fixed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(fixed.err()).contains("--tune-recipe conflicts with study 'fixed', which"
                + " searches space macro");
        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(Files.readAllBytes(store)).isEqualTo(before);
    }

    @Test
    void tunedSearchTrainsAndExports() throws IOException {
        Path store = dir.resolve("s.db");
        List<String> args = new ArrayList<>(List.of("search", "--tune-recipe",
                "--recipe-range", "batch_size=32:64", "--recipe-range", "epochs=1:2",
                "--trials", "2", "--storage", store.toString(), "--study", "joint"));
        args.addAll(TINY);

        Cli.Result result = Cli.run(args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<FrozenTrial> trials = trials(store, "joint");
        assertThat(trials).hasSize(2);
        for (FrozenTrial trial : trials) {
            assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
            String batch = choice(trial.architecture(), "recipe.batch_size");
            String epochs = choice(trial.architecture(), "recipe.epochs");
            assertThat(batch).isIn("32", "64");
            assertThat(trial.attributes()).containsEntry("recipe.batch_size", batch)
                    .containsEntry("recipe.epochs", epochs);
            assertThat(trial.attributes().get("recipe")).contains("batch " + batch);
            assertThat(trial.metrics().get("training_epochs"))
                    .isEqualTo(Double.parseDouble(epochs));
        }

        // The export contains the macro network of the joint trial
        Path export = dir.resolve("export");
        Cli.Result exported = Cli.run("export", "joint", "--trial", "0", "--output",
                export.toString(), "--storage", store.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        JsonNode manifest = new ObjectMapper().readTree(
                export.resolve("architecture.json").toFile());
        assertThat(manifest.get("space").asText()).isEqualTo("macro");
        assertThat(trials.get(0).architecture())
                .startsWith(manifest.get("architecture").asText() + ",recipe.");
    }

    @Test
    void fewTrainImagesTrainWithSmallBatches() {
        Path store = dir.resolve("s.db");

        Cli.Result result = Cli.run("search", "--dataset", "fashion-mnist", "--tune-recipe",
                "--recipe-range", "batch_size=32:32", "--train-images", "50",
                "--validation-images", "50", "--epochs", "1", "--strategy", "random",
                "--trials", "1", "--storage", store.toString(), "--study", "few");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<FrozenTrial> trials = trials(store, "few");
        assertThat(trials).singleElement().extracting(FrozenTrial::state)
                .isEqualTo(TrialState.COMPLETE);
        assertThat(choice(trials.get(0).architecture(), "recipe.batch_size")).isEqualTo("32");
    }

    @Test
    void spaceFromTunedStudyWithItsRanges() {
        Path store = dir.resolve("s.db");
        List<String> recipe = List.of("--tune-recipe", "--recipe-range",
                "learning_rate=0.01:0.3", "--recipe-range", "epochs=1:2", "--epochs", "1");
        List<String> source = new ArrayList<>(List.of("search", "--trials", "3", "--storage",
                store.toString(), "--study", "tr1"));
        source.addAll(recipe);
        source.addAll(TINY);
        Cli.Result searched = Cli.run(source.toArray(String[]::new));
        assertThat(searched.exitCode()).as(searched.err()).isZero();
        Cli.Result refined = Cli.run("refine", "tr1", "--confidence", "0.5", "--min-trials",
                "3", "--top-fraction", "0.5", "--storage", store.toString());
        assertThat(refined.exitCode()).as(refined.err()).isZero();

        List<String> same = new ArrayList<>(List.of("search", "--trials", "0", "--storage",
                store.toString(), "--study", "sf5", "--space-from", "tr1"));
        same.addAll(recipe);
        same.addAll(TINY);
        Cli.Result sameRanges = Cli.run(same.toArray(String[]::new));
        List<String> other = new ArrayList<>(List.of("search", "--trials", "0", "--storage",
                store.toString(), "--study", "sf6", "--space-from", "tr1", "--tune-recipe"));
        other.addAll(TINY);
        Cli.Result defaultRanges = Cli.run(other.toArray(String[]::new));

        assertThat(sameRanges.exitCode()).as(sameRanges.err()).isZero();
        assertThat(defaultRanges.exitCode()).as(defaultRanges.err())
                .isEqualTo(ExitCodes.USAGE);
        assertThat(defaultRanges.err()).contains("the refinement of study 'tr1' does not"
                + " fit study 'sf6': ").contains("search with the recipe options of study"
                + " 'tr1': --recipe-range epochs=1:2 --recipe-range"
                + " learning_rate=0.01:0.3 --epochs 1").doesNotContain("with choices");
    }

    @Test
    void ashaSetsTheEpochsOfTunedTrials() {
        Path store = dir.resolve("s.db");
        List<String> args = new ArrayList<>(List.of("search", "--tune-recipe", "--scheduler",
                "asha", "--epochs", "3", "--trials", "4", "--storage", store.toString(),
                "--study", "asha"));
        args.addAll(TINY);
        args.removeAll(List.of("--strategy", "random"));

        Cli.Result result = Cli.run(args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<FrozenTrial> trials = trials(store, "asha");
        assertThat(trials).hasSize(4);
        for (FrozenTrial trial : trials) {
            assertThat(trial.architecture()).doesNotContain("recipe.epochs")
                    .contains("recipe.batch_size=");
            assertThat(trial.metrics().get("training_epochs")).isIn(1.0, 3.0);
            assertThat(trial.attributes().get("recipe.epochs"))
                    .isEqualTo(Integer.toString(trial.metrics().get("training_epochs")
                            .intValue()));
        }
        // Three trials at one epoch, then the best of them promoted to three
        assertThat(trials).filteredOn(t -> t.metrics().get("training_epochs") == 3.0)
                .isNotEmpty();
    }

    private static String choice(String architecture, String name) {
        for (String pair : architecture.split(",")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " missing from " + architecture);
    }

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
}
