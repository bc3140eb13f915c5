package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.app.setup.TrainingSettings;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.StudyConfig;
import io.archforge.torch.data.DataSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The training-recipe options of {@code search} and {@code evaluate}: stored with the
 * study, checked on resume, validated, and rejected for the NAS-Bench-201 benchmark.
 */
class TrainingOptionsTest {

    private static final String NB201_ARCH = "|nor_conv_3x3~0|+|nor_conv_3x3~0|skip_connect~1|+"
            + "|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|";

    @TempDir
    Path dir;

    /** Creates a real-training study without training: a budget of zero trials. */
    private Cli.Result createStudy(Path store, String... options) {
        List<String> args = new ArrayList<>(List.of("search", "--dataset",
                "fashion-mnist", "--trials", "0", "--storage", store.toString(),
                "--study", "t"));
        args.addAll(List.of(options));
        return Cli.run(args.toArray(String[]::new));
    }

    private static StudyConfig stored(Path store) {
        try (Storage storage = Storages.open(store.toString())) {
            return storage.loadStudy("t").orElseThrow();
        }
    }

    @Test
    void searchStoresGivenValues() {
        Path store = dir.resolve("s.db");

        Cli.Result result = createStudy(store, "--epochs", "2", "--batch-size", "32",
                "--train-images", "800", "--validation-images", "300", "--learning-rate", "0.05");

        assertThat(result.exitCode()).as(result.err()).isZero();
        Map<String, String> options = stored(store).evaluatorOptions();
        assertThat(options).containsEntry("epochs", "2");
        assertThat(options).containsEntry("batch_size", "32");
        assertThat(options).containsEntry("train_images", "800");
        assertThat(options).containsEntry("validation_images", "300");
        assertThat(options).containsEntry("learning_rate", "0.05");
    }

    @Test
    void searchStoresStandardValues() {
        Path store = dir.resolve("s.db");

        Cli.Result result = createStudy(store);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(stored(store).evaluatorOptions())
                .containsAllEntriesOf(TrainingSettings.standard().toMap());
    }

    @Test
    void resumeAcceptsSameValues() {
        Path store = dir.resolve("s.db");
        assertThat(createStudy(store, "--epochs", "2", "--learning-rate", "0.05").exitCode())
                .isZero();

        Cli.Result result = createStudy(store, "--epochs", "2", "--learning-rate", "0.050");

        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    @Test
    void resumeRejectsOtherValue() {
        Path store = dir.resolve("s.db");
        assertThat(createStudy(store, "--epochs", "2").exitCode()).isZero();

        Cli.Result result = createStudy(store, "--epochs", "5");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--epochs 5", "--epochs 2", "'t'");
        assertThat(stored(store).evaluatorOptions()).containsEntry("epochs", "2");
    }

    @Test
    void resumeRejectsOtherThanStandard() {
        Path store = dir.resolve("s.db");
        assertThat(createStudy(store).exitCode()).isZero();

        Cli.Result result = Cli.run("search", "--study", "t", "--storage", store.toString(),
                "--learning-rate", "0.2");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--learning-rate 0.2", "--learning-rate 0.1");
    }

    @Test
    void trainImagesBeyondDataRejected() {
        int available = DataSources.load("fashion-mnist", null).train().size();
        int left = available - TrainingSettings.standard().validationImages();
        Path store = dir.resolve("s.db");

        Cli.Result result = createStudy(store, "--train-images", Integer.toString(left + 1));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--train-images " + (left + 1),
                available + " images", left + " or fewer");
        try (Storage storage = Storages.open(store.toString())) {
            assertThat(storage.loadStudy("t")).isEmpty();
        }
    }

    @Test
    void invalidValuesRejected() {
        Map<List<String>, String> cases = Map.of(
                List.of("--epochs", "0"), "--epochs 0",
                List.of("--batch-size", "-3"), "--batch-size -3",
                List.of("--validation-images", "0"), "--validation-images 0",
                List.of("--learning-rate", "0"), "--learning-rate 0.0",
                List.of("--train-images", "10", "--batch-size", "64"), "--train-images 10");
        cases.forEach((options, named) -> {
            Cli.Result result = createStudy(dir.resolve("s.db"), options.toArray(String[]::new));
            assertThat(result.exitCode()).as(options.toString()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).as(options.toString()).contains(named);
        });
    }

    @Test
    void benchmarkRejectsTrainingOptions() {
        Path store = dir.resolve("s.db");
        Cli.Result search = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--epochs", "2", "--storage", store.toString());
        Cli.Result evaluate = Cli.run("evaluate", "--benchmark", "nb201", "--dataset",
                "cifar10", "--train-images", "100", NB201_ARCH);

        assertThat(search.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(search.err()).contains("--epochs 2", "nb201");
        assertThat(evaluate.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(evaluate.err()).contains("--train-images 100", "nb201");
    }

    @Test
    void benchmarkStudyRejectsTrainingOptions() {
        Path store = dir.resolve("s.db");
        assertThat(Cli.run("search", "--dataset", "cifar10", "--trials", "1", "--storage",
                store.toString(), "--study", "b").exitCode()).isZero();

        Cli.Result result = Cli.run("search", "--study", "b", "--storage", store.toString(),
                "--batch-size", "16");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--batch-size 16", "'b'");
    }

    @Test
    void helpShowsStandardDefaults() {
        TrainingSettings standard = TrainingSettings.standard();
        Map<String, String> defaults = Map.of(
                "--epochs", Integer.toString(standard.epochs()),
                "--batch-size", Integer.toString(standard.batchSize()),
                "--train-images", Integer.toString(standard.trainImages()),
                "--validation-images", Integer.toString(standard.validationImages()),
                "--learning-rate", Float.toString(standard.learningRate()));
        CommandLine root = CommandLines.create(new ArchforgeCommand());
        for (String command : List.of("search", "evaluate")) {
            CommandLine.Model.CommandSpec spec = root.getSubcommands().get(command)
                    .getCommandSpec();
            defaults.forEach((option, value) -> assertThat(
                    String.join(" ", spec.findOption(option).description()))
                    .as(command + " " + option)
                    .contains("(default: " + value + ")"));
        }
    }
}
