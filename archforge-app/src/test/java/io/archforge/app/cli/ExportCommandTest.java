package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.archforge.space.DartsSpace;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import io.archforge.torch.data.DataSources;
import io.archforge.torch.data.DataSplit;
import io.archforge.torch.data.ImageDataset;
import io.archforge.torch.export.ExportedModel;
import io.archforge.torch.export.ModelExport;
import io.archforge.torch.export.Nb201NetworkSpec;
import io.archforge.torch.export.Safetensors;
import io.archforge.torch.export.Tensor;
import io.archforge.torch.export.TensorFile;
import io.archforge.torch.train.DjlRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code archforge export} on real SQLite studies: a macro network trained for real on
 * Fashion-MNIST and an NAS-Bench-201 cell, each loaded back in Java and in Python
 * (Debian's /usr/bin/python3 with python3-torch), and every kind of bad input.
 */
class ExportCommandTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String CELL_STUDY = "cells";

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path cellStore;

    @BeforeAll
    static void searchCells() {
        cellStore = shared.resolve("cells.db");
        Cli.Result search = Cli.run("search", "--dataset", "cifar10", "--trials", "3",
                "--storage", cellStore.toString(), "--study", CELL_STUDY);
        assertThat(search.exitCode()).as(search.err()).isZero();
    }

    @Test
    void trainedMacroTrialExportsAndLoads() throws Exception {
        Path store = dir.resolve("macro.db");
        Cli.Result search = Cli.run("search", "--dataset", "fashion-mnist", "--epochs", "1",
                "--batch-size", "32", "--train-images", "320", "--validation-images", "100",
                "--trials", "1", "--storage", store.toString(), "--study", "fm", "--json");
        assertThat(search.exitCode()).as(search.err()).isZero();
        FrozenTrial trial = storedTrial(store, "fm", 0);
        assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
        Path output = dir.resolve("export");

        Cli.Result export = Cli.run("export", "fm", "--trial", "0", "--output",
                output.toString(), "--storage", store.toString(), "--json");

        assertThat(export.exitCode()).as(export.err()).isZero();
        JsonNode json = export.json();
        assertThat(json.get("space").asText()).isEqualTo("macro");
        assertThat(json.get("trained").asBoolean()).isTrue();
        assertThat(json.get("architecture").asText()).isEqualTo(trial.architecture());
        assertThat(json.get("files")).hasSize(4);
        String card = Files.readString(output.resolve(ModelExport.CARD_FILE));
        assertThat(card).contains("study fm").contains("Data set: fashion-mnist")
                .contains("epochs 1").contains("| accuracy |")
                .doesNotContain("untrained");

        // The stored accuracy comes back from the exported weights on the same images
        DataSplit split = DataSplit.carve(DataSources.load("fashion-mnist", null).train(),
                100, 320, 0);
        Tensor batch = images(split.validation(), 8);
        float[] java;
        try (ExportedModel model = ExportedModel.load(output);
                NDManager manager = DjlRuntime.engine().newBaseManager()) {
            Tensor all = images(split.validation(), split.validation().size());
            NDArray logits = model.predict(manager.create(all.floats(), all.djlShape()));
            NDArray labels = manager.create(labels(split.validation()));
            double accuracy = 100.0 * logits.argMax(1).eq(labels).countNonzero().getLong()
                    / split.validation().size();
            assertThat(accuracy).isEqualTo(trial.metrics().get("accuracy"));
            java = model.predict(manager.create(batch.floats(), batch.djlShape()))
                    .toFloatArray();
        }

        // model.py gives the same logits
        float[] python = python(output, batch);
        assertThat(maxAbsDifference(python, java)).isLessThan(1e-4);
    }

    @Test
    void cardShowsTunedRecipeAndAttack() throws Exception {
        Path store = dir.resolve("recipe.db");
        Cli.Result search = Cli.run("search", "--dataset", "fashion-mnist", "--tune-recipe",
                "--attack", "fgsm", "--epsilon", "0.1", "--strategy", "random", "--trials", "1",
                "--train-images", "300", "--validation-images", "100", "--epochs", "1",
                "--storage", store.toString(), "--study", "tuned");
        assertThat(search.exitCode()).as(search.err()).isZero();
        FrozenTrial trial = storedTrial(store, "tuned", 0);
        assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
        Map<String, String> attributes = trial.attributes();
        Path output = dir.resolve("tuned-export");

        Cli.Result export = Cli.run("export", "tuned", "--trial", "0", "--output",
                output.toString(), "--storage", store.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        String card = Files.readString(output.resolve(ModelExport.CARD_FILE));
        String settings = card.lines().filter(l -> l.startsWith("- Training settings"))
                .findFirst().orElseThrow();
        assertThat(settings).contains("the trial's tuned recipe")
                .contains("learning_rate " + attributes.get("recipe.learning_rate"))
                .contains("epochs " + attributes.get("recipe.epochs"))
                .contains("optimizer " + attributes.get("recipe.optimizer"))
                .contains("train_images 300");
        assertThat(card).contains("| robust_accuracy |")
                .contains("% validation accuracy on images perturbed")
                .contains("- Attack for robust_accuracy: fgsm, epsilon 0.1");
    }

    @Test
    void nb201TrialExportsUntrainedNetwork() throws Exception {
        FrozenTrial trial = storedTrial(cellStore, CELL_STUDY, 1);
        Path output = dir.resolve("cell");

        Cli.Result export = Cli.run("export", CELL_STUDY, "--trial", "1", "--output",
                output.toString(), "--storage", cellStore.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("nb201 network, untrained weights");
        assertThat(Files.readString(output.resolve(ModelExport.CARD_FILE)))
                .contains("**The weights are untrained.**")
                .contains("trial seed " + trial.seed())
                .contains("Data set: cifar10");

        // Java: the builder's network from the trial seed; Python: the same logits
        Nb201NetworkSpec spec = Nb201NetworkSpec.benchmark("cifar10");
        Tensor batch = randomImages(new long[] {2, 3, 32, 32});
        float[] expected;
        float[] java;
        try (NDManager manager = DjlRuntime.engine().newBaseManager();
                ExportedModel model = ExportedModel.load(output)) {
            NDArray input = manager.create(batch.floats(), batch.djlShape());
            java = model.predict(input).toFloatArray();
            SequentialBlock seeded = spec.buildFromSeed(spec.parse(trial.architecture()),
                    manager, trial.seed());
            boolean previous = DjlRuntime.setGradMode(false);
            try {
                expected = seeded.forward(new ParameterStore(manager, false),
                        new NDList(input), false).singletonOrThrow().toFloatArray();
            } finally {
                DjlRuntime.setGradMode(previous);
            }
        }
        assertThat(java).containsExactly(expected);
        assertThat(maxAbsDifference(python(output, batch), java)).isLessThan(1e-4);
    }

    @Test
    void unknownStudyListsStoredStudies() {
        assertBadInput(List.of("export", "nope", "--trial", "0"),
                "study 'nope' not found in", "stored studies: " + CELL_STUDY);
    }

    @Test
    void unknownTrialGivesRange() {
        assertBadInput(List.of("export", CELL_STUDY, "--trial", "9"),
                "trial 9 not found in study 'cells'", "numbered 0 to 2");
    }

    @Test
    void unfinishedTrialIsRejected() {
        Path store = dir.resolve("running.db");
        String cell = storedTrial(cellStore, CELL_STUDY, 0).architecture();
        try (Storage storage = Storages.open(store.toString())) {
            storage.createStudy(config("running", "nb201"));
            storage.createTrial("running", cell, 1, Map.of());
        }

        assertBadInput(store, List.of("export", "running", "--trial", "0"),
                "trial 0 of study 'running' is RUNNING, not COMPLETE");
    }

    @Test
    void nonEmptyOutputIsRejected() throws IOException {
        Path output = Files.createDirectories(dir.resolve("full"));
        Files.writeString(output.resolve("keep.txt"), "mine");

        Cli.Result result = Cli.run("export", CELL_STUDY, "--trial", "0", "--output",
                output.toString(), "--storage", cellStore.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).contains("exists and is not empty; choose a new directory");
        try (Stream<Path> files = Files.list(output)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void unsupportedSpaceNamesSupportedOnes() {
        Path store = dir.resolve("other.db");
        completedStudy(store, "chains", DartsSpace.NAME,
                DartsSpace.create().sample(new SplittableRandom(1)).text());

        assertBadInput(store, List.of("export", "chains", "--trial", "0"),
                "cannot export trial 0 of study 'chains'",
                "macro and macro+recipe (trained weights) and nb201 "
                        + "(untrained weights from the trial seed)");
    }

    @Test
    void macroTrialWithoutWeightsIsRejected() {
        Path store = dir.resolve("old.db");
        completedStudy(store, "old", "macro", "s1.depth=1,s1.width=16,s1.kernel=3,"
                + "s1.expansion=1,s1.residual=off,s2.depth=1,s2.width=16,s2.kernel=3,"
                + "s2.expansion=1,s2.residual=off,s3.depth=1,s3.width=16,s3.kernel=3,"
                + "s3.expansion=1,s3.residual=off");

        assertBadInput(store, List.of("export", "old", "--trial", "0"),
                "cannot export trial 0 of study 'old'", "no stored weights");
    }

    /** Runs {@code args} against the cell store and checks the usage error. */
    private void assertBadInput(List<String> args, String... messages) {
        assertBadInput(cellStore, args, messages);
    }

    /** Runs {@code args} against {@code store} and checks exit 2, one error line, no output. */
    private void assertBadInput(Path store, List<String> args, String... messages) {
        Path output = dir.resolve("never");
        List<String> all = Stream.concat(args.stream(), Stream.of("--output",
                output.toString(), "--storage", store.toString())).toList();

        Cli.Result result = Cli.run(all.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).contains(messages);
        assertThat(output).doesNotExist();
    }

    /** Stores a study over {@code space} with one COMPLETE trial and no artifacts. */
    private static void completedStudy(Path store, String name, String space,
            String architecture) {
        try (Storage storage = Storages.open(store.toString())) {
            storage.createStudy(config(name, space));
            int number = storage.createTrial(name, architecture, 7, Map.of());
            storage.finishTrial(name, number, TrialState.COMPLETE, Map.of("accuracy", 50.0),
                    Map.of(), Optional.empty());
        }
    }

    private static StudyConfig config(String name, String space) {
        return new StudyConfig(name, space, "nb201", Map.of("dataset", "cifar10"), "random",
                Map.of(), List.of(Objective.maximize("accuracy")), 1);
    }

    private static FrozenTrial storedTrial(Path store, String study, int number) {
        try (Storage storage = Storages.open(store.toString())) {
            return storage.trial(study, number).orElseThrow();
        }
    }

    private static Tensor images(ImageDataset images, int count) {
        int size = images.rows() * images.columns();
        float[] values = new float[count * size];
        for (int i = 0; i < count; i++) {
            images.copyNormalized(i, values, i * size);
        }
        return Tensor.ofFloats("input", new long[] {count, 1, images.rows(), images.columns()},
                values);
    }

    private static long[] labels(ImageDataset images) {
        long[] labels = new long[images.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = images.label(i);
        }
        return labels;
    }

    private static Tensor randomImages(long[] shape) {
        SplittableRandom random = new SplittableRandom(3);
        float[] values = new float[(int) (shape[0] * shape[1] * shape[2] * shape[3])];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (2 * random.nextDouble() - 1);
        }
        return Tensor.ofFloats("input", shape, values);
    }

    /**
     * Runs the export's model.py on {@code batch} with /usr/bin/python3 and returns the
     * logits; skips the test when that Python cannot import torch.
     */
    private float[] python(Path export, Tensor batch) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON)
                && run(List.of(PYTHON.toString(), "-c", "import torch")).exitCode() == 0,
                PYTHON + " cannot import torch");
        Path script = dir.resolve("predict_export.py");
        try (InputStream in = getClass().getResourceAsStream("predict_export.py")) {
            Files.copy(in, script);
        }
        Path input = dir.resolve("input.safetensors");
        Safetensors.write(new TensorFile(List.of(batch), Map.of()), input);
        Cli.Result result = run(List.of(PYTHON.toString(), script.toString(),
                export.toString(), input.toString()));
        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = Cli.parse(result.out());
        float[] values = new float[json.get("values").size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) json.get("values").get(i).asDouble();
        }
        return values;
    }

    private static Cli.Result run(List<String> command) throws IOException,
            InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("OMP_NUM_THREADS", "1");
        Path errors = Files.createTempFile("python", ".log");
        builder.redirectError(errors.toFile());
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command + " timed out after 120 s");
        }
        String err = Files.readString(errors);
        Files.delete(errors);
        return new Cli.Result(process.exitValue(), out, err);
    }

    private static double maxAbsDifference(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((double) a[i] - b[i]));
        }
        return max;
    }
}
