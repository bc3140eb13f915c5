package io.archforge.torch.export;

import static io.archforge.torch.export.PythonExport.maxAbsDifference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.space.Architecture;
import io.archforge.torch.data.DataSources;
import io.archforge.torch.data.DataSplit;
import io.archforge.torch.data.TrainTestData;
import io.archforge.torch.net.ReferenceNetworks;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.LatencyMeter;
import io.archforge.torch.train.Trainer;
import io.archforge.torch.train.TrainingEvaluator;
import io.archforge.torch.train.TrainingRecipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports of macro networks trained for real on a few hundred Fashion-MNIST images. */
class MacroExportTest {

    /** Kernels 3 and 5, expansions 1, 2 and 4, with and without skip connections. */
    private static final String ARCHITECTURE = "s1.depth=1,s1.width=16,s1.kernel=5,"
            + "s1.expansion=1,s1.residual=off,s2.depth=2,s2.width=24,s2.kernel=3,"
            + "s2.expansion=2,s2.residual=on,s3.depth=1,s3.width=32,s3.kernel=5,"
            + "s3.expansion=4,s3.residual=on";
    private static final TrainingRecipe RECIPE =
            new TrainingRecipe(1, 32, 320, 100, 0.1f, 0.9f, 5e-4f);
    private static final long SEED = 11;

    @TempDir
    Path temp;

    @Test
    void trainedExportMatchesJavaAndPython() throws Exception {
        TrainTestData data = DataSources.shippedFashionMnistSubset();
        MacroNetworkSpec spec = new MacroNetworkSpec(1, 28, 28, data.classCount(), 2);
        Architecture architecture = spec.parse(ARCHITECTURE);
        DataSplit split = DataSplit.carve(data.train(), RECIPE.validationImages(),
                RECIPE.trainImages(), 0);
        Tensor batch = ExportFixtures.images(split.validation(), 8);
        Path export = temp.resolve("export");

        // Train, keep the trained network's logits, export its weights
        float[] trained;
        TensorFile weights;
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            DjlRuntime.setThreads(1);
            SequentialBlock network = spec.buildFromSeed(architecture, manager, SEED);
            new Trainer(RECIPE).fit(network, manager, split, SEED,
                    EvaluationContext.detached(SEED));
            trained = ExportFixtures.forward(network, manager, batch);
            weights = NetworkWeights.capture(network, spec, architecture, true, SEED);
            ModelExport.write(ExportFixtures.request(ARCHITECTURE, spec, Optional.of(weights),
                    SEED, Map.of("accuracy", 71.0, "latency_ms", 0.8)), export);
        }

        // Java: the loaded model gives the trained network's logits
        try (ExportedModel model = ExportedModel.load(export)) {
            assertThat(maxAbsDifference(ExportFixtures.predict(model, batch), trained))
                    .isLessThan(1e-4);
            assertThat(model.manifest().trained()).isTrue();
        }

        // Python: model.py gives them too, and its state_dict names are the tensor names
        PythonExport.Result python = PythonExport.run(export, batch, temp);
        assertThat(python.output().shape()).containsExactly(8, data.classCount());
        assertThat(maxAbsDifference(python.output().floats(), trained)).isLessThan(1e-4);
        List<String> names = Safetensors.read(export.resolve(ModelExport.WEIGHTS_FILE))
                .tensors().stream().map(Tensor::name).toList();
        assertThat(python.stateDictNames().stream()
                .filter(name -> !name.endsWith("num_batches_tracked")))
                .containsExactlyElementsOf(names);
        assertThat(python.training()).isFalse();
    }

    @Test
    void weightsIncludeTrainedBatchNormStatistics() {
        TrainTestData data = DataSources.shippedFashionMnistSubset();
        MacroNetworkSpec spec = new MacroNetworkSpec(1, 28, 28, data.classCount(), 2);
        Architecture architecture = spec.parse(ARCHITECTURE);
        DataSplit split = DataSplit.carve(data.train(), 100, 320, 0);
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            SequentialBlock network = spec.buildFromSeed(architecture, manager, SEED);
            new Trainer(RECIPE).fit(network, manager, split, SEED,
                    EvaluationContext.detached(SEED));

            TensorFile weights = NetworkWeights.capture(network, spec, architecture, true, SEED);

            assertThat(weights.byName()).containsKeys("stem.0.weight", "stem.1.weight",
                    "stem.1.bias", "stem.1.running_mean", "stem.1.running_var",
                    "stage2_block2.body.0.weight", "head.2.weight", "head.2.bias");
            assertThat(weights.tensor("stem.1.running_mean").orElseThrow().floats())
                    .as("running mean after training").isNotEqualTo(new float[16]);
            assertThat(weights.tensor("stem.0.weight").orElseThrow().shape())
                    .containsExactly(16, 1, 3, 3);
            assertThat(weights.metadata()).containsEntry(NetworkWeights.SPACE_KEY, "macro")
                    .containsEntry(NetworkWeights.ARCHITECTURE_KEY, architecture.text())
                    .containsEntry(NetworkWeights.TRAINED_KEY, "true")
                    .containsEntry(NetworkWeights.FORMAT_KEY, "pt");
            assertThat(NetworkSpecs.fromMetadata(weights.metadata())).isEqualTo(spec);
        }
    }

    @Test
    void evaluatorWeightsReproduceStoredAccuracy() {
        TrainTestData data = DataSources.shippedFashionMnistSubset();
        Architecture architecture = new MacroNetworkSpec(1, 28, 28, 10, 2).parse(ARCHITECTURE);
        Evaluation evaluation;
        try (TrainingEvaluator evaluator = new TrainingEvaluator(data, RECIPE,
                new LatencyMeter(1, 30, 1), 2, 1, 0)) {
            evaluation = evaluator.evaluate(architecture, EvaluationContext.detached(SEED));
        }

        byte[] artifact = evaluation.artifacts().get(ModelExport.WEIGHTS_FILE);
        assertThat(artifact).isNotNull();
        TensorFile weights = Safetensors.decode(artifact);
        NetworkSpec spec = NetworkSpecs.fromMetadata(weights.metadata());
        assertThat(spec).isEqualTo(new MacroNetworkSpec(1, 28, 28, data.classCount(), 2));

        // The stored weights score the validation images exactly as the trained network did
        DataSplit split = DataSplit.carve(data.train(), RECIPE.validationImages(),
                RECIPE.trainImages(), 0);
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            SequentialBlock network = NetworkWeights.load(spec, architecture, weights, manager);
            double accuracy = Trainer.accuracy(network, manager,
                    new ParameterStore(manager, false), split.validation(),
                    EvaluationContext.detached(SEED));
            assertThat(accuracy).isEqualTo(evaluation.metrics().get("accuracy"));
        }
    }

    @Test
    void largestNetworkWeightsFitFiveMegabytes() {
        String largest = "s1.depth=3,s1.width=64,s1.kernel=5,s1.expansion=4,s1.residual=on,"
                + "s2.depth=3,s2.width=64,s2.kernel=5,s2.expansion=4,s2.residual=on,"
                + "s3.depth=3,s3.width=64,s3.kernel=5,s3.expansion=4,s3.residual=on";
        MacroNetworkSpec spec = new MacroNetworkSpec(1, 28, 28, 10, 2);
        Architecture architecture = spec.parse(largest);
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            TensorFile weights = NetworkWeights.capture(
                    spec.buildFromSeed(architecture, manager, SEED), spec, architecture, true,
                    SEED);

            byte[] bytes = Safetensors.encode(weights);

            // 4 bytes per float32 value, and a header of a few kilobytes
            assertThat(weights.elementCount()).isEqualTo(374_730);
            assertThat(bytes.length - 4 * weights.elementCount()).isBetween(1_000L, 20_000L);
            assertThat(bytes.length).isLessThan(5_000_000);
        }
    }

    @Test
    void exportWritesCardAndManifest() throws Exception {
        MacroNetworkSpec spec = new MacroNetworkSpec(1, 28, 28, 10, 2);
        Path export = temp.resolve("untrained");

        ModelExport.ExportResult result = ModelExport.write(ExportFixtures.request(ARCHITECTURE,
                spec, Optional.empty(), SEED, Map.of("accuracy", 71.5, "params", 0.012)),
                export);

        assertThat(result.files()).allSatisfy(file -> assertThat(file).isRegularFile());
        assertThat(result.weightsBytes())
                .isEqualTo(Files.size(export.resolve(ModelExport.WEIGHTS_FILE)));
        try (var files = Files.list(temp)) {
            assertThat(files.map(Path::getFileName).map(Path::toString))
                    .as("no staging directory left").containsExactly("untrained");
        }
        JsonNode manifest = new ObjectMapper().readTree(
                export.resolve(ModelExport.ARCHITECTURE_FILE).toFile());
        assertThat(manifest.get("format").asText()).isEqualTo("archforge-model");
        assertThat(manifest.get("space").asText()).isEqualTo("macro");
        assertThat(manifest.get("architecture").asText()).isEqualTo(ARCHITECTURE);
        assertThat(manifest.get("network").get("stem_stride").asInt()).isEqualTo(2);
        assertThat(manifest.get("weights").get("trained").asBoolean()).isFalse();
        assertThat(manifest.get("weights").get("seed").asLong()).isEqualTo(SEED);
        String card = Files.readString(export.resolve(ModelExport.CARD_FILE));
        assertThat(card).contains("**The weights are untrained.**")
                .contains("trial seed " + SEED)
                .contains("| accuracy | 71.5000 | % validation accuracy")
                .contains("| params | 0.0120000 | millions of parameters |")
                .contains("test-study").contains("ExportedModel.load")
                .contains("model.load(");
        String python = Files.readString(export.resolve(ModelExport.PYTHON_FILE));
        assertThat(python).contains("class MacroNetwork(nn.Sequential):")
                .contains("class Residual(nn.Module):")
                .doesNotContain("class Cell(")
                .contains("nn.Conv2d(1, 16, kernel_size=3, stride=2, padding=1, bias=False)")
                .contains("nn.Conv2d(16, 16, kernel_size=5, stride=1, padding=2, groups=16,"
                        + " bias=False)")
                .contains("nn.BatchNorm2d(16, eps=1e-05, momentum=0.1)");
    }

    @Test
    void nonEmptyDirectoryIsRejected() throws Exception {
        Path export = Files.createDirectories(temp.resolve("used"));
        Files.writeString(export.resolve("notes.txt"), "keep");
        MacroNetworkSpec spec = new MacroNetworkSpec(1, 28, 28, 10, 2);

        assertThatThrownBy(() -> ModelExport.write(ExportFixtures.request(ARCHITECTURE, spec,
                Optional.empty(), SEED, Map.of()), export))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exists and is not empty; choose a new directory");
        try (var files = Files.list(export)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void weightsOfAnotherArchitectureAreRejected() {
        MacroNetworkSpec spec = new MacroNetworkSpec(1, 28, 28, 10, 2);
        TensorFile other;
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            Architecture reference = ReferenceNetworks.referenceMacro();
            other = NetworkWeights.capture(spec.buildFromSeed(reference, manager, 1), spec,
                    reference, true, 1);
        }

        assertThatThrownBy(() -> ModelExport.write(ExportFixtures.request(ARCHITECTURE, spec,
                Optional.of(other), SEED, Map.of()), temp.resolve("mismatch")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tensor");
        assertThat(temp.resolve("mismatch")).doesNotExist();
    }
}
