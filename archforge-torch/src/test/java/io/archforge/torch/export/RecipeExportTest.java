package io.archforge.torch.export;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.space.Architecture;
import io.archforge.space.MacroSpace;
import io.archforge.space.RecipeSpace;
import io.archforge.torch.data.DataSources;
import io.archforge.torch.data.DataSplit;
import io.archforge.torch.data.TrainTestData;
import io.archforge.torch.train.DjlRuntime;
import io.archforge.torch.train.LatencyMeter;
import io.archforge.torch.train.TrainingEvaluator;
import io.archforge.torch.train.TrainingRecipe;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export of a {@code macro+recipe} trial trained for real with dropout. */
class RecipeExportTest {

    private static final String MACRO = "s1.depth=1,s1.width=8,s1.kernel=3,s1.expansion=1,"
            + "s1.residual=off,s2.depth=1,s2.width=8,s2.kernel=5,s2.expansion=2,"
            + "s2.residual=on,s3.depth=1,s3.width=16,s3.kernel=3,s3.expansion=1,"
            + "s3.residual=off";
    private static final String RECIPE = "recipe.learning_rate=0.05,"
            + "recipe.weight_decay=1.0E-4,recipe.batch_size=32,recipe.epochs=1,"
            + "recipe.optimizer=sgd,recipe.augmentation=shift,recipe.dropout=0.4";
    private static final TrainingRecipe BASE =
            new TrainingRecipe(1, 64, 320, 100, 0.1f, 0.9f, 5e-4f);
    private static final long SEED = 4;

    @TempDir
    Path temp;

    @Test
    void jointTrialExportsItsMacroNetwork() throws Exception {
        TrainTestData data = DataSources.shippedFashionMnistSubset();
        String joint = RecipeSpace.create().parse(MACRO + "," + RECIPE).text();
        Evaluation evaluation;
        try (TrainingEvaluator evaluator = new TrainingEvaluator(data, BASE,
                new LatencyMeter(1, 30, 1), 2, 1, 0)) {
            evaluation = evaluator.evaluate(RecipeSpace.create().parse(joint),
                    EvaluationContext.detached(SEED));
        }
        Optional<TensorFile> weights = Optional.of(Safetensors.decode(
                evaluation.artifacts().get(ModelExport.WEIGHTS_FILE)));

        NetworkSpec spec = NetworkSpecs.forTrial(RecipeSpace.NAME, Map.of(), weights);
        ModelExport.ExportResult result = ModelExport.write(ExportFixtures.request(joint, spec,
                weights, SEED, evaluation.metrics()), temp.resolve("joint"));

        // The manifest names the macro network, which dropout leaves unchanged
        Architecture macro = MacroSpace.create().parse(MACRO);
        assertThat(spec).isEqualTo(new MacroNetworkSpec(1, 28, 28, data.classCount(), 2));
        assertThat(result.manifest().architecture()).isEqualTo(macro.text());
        assertThat(result.manifest().space()).isEqualTo("macro");

        // The exported model scores as the evaluator's trained network did
        DataSplit split = DataSplit.carve(data.train(), BASE.validationImages(),
                BASE.trainImages(), 0);
        Tensor batch = ExportFixtures.images(split.validation(), 100);
        float[] exported;
        try (ExportedModel model = ExportedModel.load(temp.resolve("joint"))) {
            exported = ExportFixtures.predict(model, batch);
        }
        float[] stored;
        try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
            SequentialBlock network = NetworkWeights.load(spec, macro, weights.get(), manager);
            stored = ExportFixtures.forward(network, manager, batch);
        }
        assertThat(PythonExport.maxAbsDifference(exported, stored)).isLessThan(1e-5);
        assertThat(correct(exported, split, data.classCount()))
                .isEqualTo(evaluation.metrics().get("accuracy"));
    }

    /** Returns the share in percent of 100 validation images whose top logit is the label. */
    private static double correct(float[] logits, DataSplit split, int classes) {
        int right = 0;
        for (int image = 0; image < 100; image++) {
            int best = 0;
            for (int c = 1; c < classes; c++) {
                if (logits[image * classes + c] > logits[image * classes + best]) {
                    best = c;
                }
            }
            right += best == split.validation().label(image) ? 1 : 0;
        }
        return 100.0 * right / 100;
    }
}
