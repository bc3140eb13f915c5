package io.archforge.torch.export;

import static io.archforge.torch.export.PythonExport.maxAbsDifference;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import io.archforge.space.Architecture;
import io.archforge.torch.train.DjlRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports of NAS-Bench-201 cells, whose weights come untrained from the trial seed. */
class Nb201ExportTest {

    /** A cell with every operation: convolutions, pooling, skip and none. */
    private static final String CELL = "|nor_conv_3x3~0|+|nor_conv_1x1~0|avg_pool_3x3~1|"
            + "+|skip_connect~0|none~1|nor_conv_3x3~2|";
    private static final long SEED = 5;

    @TempDir
    Path temp;

    @Test
    void untrainedCellMatchesJavaAndPython() throws Exception {
        Nb201NetworkSpec spec = Nb201NetworkSpec.benchmark("cifar10");
        Architecture architecture = spec.parse(CELL);
        Tensor batch = ExportFixtures.randomImages(new long[] {2, 3, 32, 32}, 3);
        Path export = temp.resolve("export");

        ModelExport.write(ExportFixtures.request(CELL, spec, Optional.empty(), SEED,
                Map.of("test_accuracy", 91.2, "latency_ms@raspi4", 12.0)), export);

        // The network the builder initializes from the trial seed
        float[] expected;
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            expected = ExportFixtures.forward(spec.buildFromSeed(architecture, manager, SEED),
                    manager, batch);
        }
        try (ExportedModel model = ExportedModel.load(export)) {
            assertThat(maxAbsDifference(ExportFixtures.predict(model, batch), expected))
                    .isLessThan(1e-4);
            assertThat(model.manifest().trained()).isFalse();
        }
        PythonExport.Result python = PythonExport.run(export, batch, temp);
        assertThat(python.output().shape()).containsExactly(2, 10);
        assertThat(maxAbsDifference(python.output().floats(), expected)).isLessThan(1e-4);
    }

    @Test
    void exportNamesCellParametersAndSaysUntrained() throws Exception {
        Nb201NetworkSpec spec = Nb201NetworkSpec.benchmark("cifar10");
        Path export = temp.resolve("names");

        ModelExport.write(ExportFixtures.request(CELL, spec, Optional.empty(), SEED,
                Map.of("test_accuracy", 91.2, "latency_ms@raspi4", 12.0)), export);

        TensorFile weights = Safetensors.read(export.resolve(ModelExport.WEIGHTS_FILE));
        assertThat(weights.byName()).containsKeys("stem.0.weight", "stem.1.running_var",
                "stage1_cell1.ops.0.1.weight", "stage1_cell1.ops.1.2.running_mean",
                "stage2_reduction.main.0.1.weight", "stage2_reduction.shortcut.1.weight",
                "stage3_cell5.ops.5.1.weight", "head.0.weight", "head.3.weight",
                "head.3.bias");
        assertThat(weights.metadata()).containsEntry(NetworkWeights.TRAINED_KEY, "false")
                .containsEntry(NetworkWeights.SEED_KEY, Long.toString(SEED));
        String card = Files.readString(export.resolve(ModelExport.CARD_FILE));
        assertThat(card).contains("**The weights are untrained.**")
                .contains("not measurements of these untrained weights")
                .contains("| test_accuracy | 91.2000 | % test accuracy after 200 epochs")
                .contains("| latency_ms@raspi4 | 12.0000 | ms, batch-1 latency on raspi4");
        String python = Files.readString(export.resolve(ModelExport.PYTHON_FILE));
        assertThat(python).contains("class Nb201Network(nn.Sequential):")
                .contains("class Cell(nn.Module):").contains("class Zero(nn.Module):")
                .contains("nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=True)")
                .doesNotContain("class Residual(nn.Module):");
    }

    @Test
    void otherSpacesAreRejected() {
        assertThatThrownBy(() -> NetworkSpecs.forTrial("darts", Map.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("space 'darts'")
                .hasMessageContaining("macro and macro+recipe (trained weights)")
                .hasMessageContaining("nb201 (untrained weights from the trial seed)");
    }

    @Test
    void studyDataSetPicksNetwork() {
        NetworkSpec spec = NetworkSpecs.forTrial("nb201", Map.of("dataset", "imagenet16-120"),
                Optional.empty());

        assertThat(spec).isEqualTo(Nb201NetworkSpec.benchmark("imagenet16-120"));
        assertThat(spec.inputShape(1).getShape()).containsExactly(1, 3, 16, 16);
        assertThatThrownBy(() -> NetworkSpecs.forTrial("nb201",
                Map.of("dataset", "fashion-mnist"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not of 'fashion-mnist'");
        assertThatThrownBy(() -> NetworkSpecs.forTrial("macro", Map.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no stored weights");
    }
}
