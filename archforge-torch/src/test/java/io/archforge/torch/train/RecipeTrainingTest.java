package io.archforge.torch.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.eval.CostMetrics;
import io.archforge.eval.Evaluation;
import io.archforge.fidelity.Fidelity;
import io.archforge.space.Architecture;
import io.archforge.space.Hyperparameters.Augmentation;
import io.archforge.space.Hyperparameters.Optimizer;
import io.archforge.space.MacroSpace;
import io.archforge.space.RecipeRanges;
import io.archforge.space.RecipeSpace;
import io.archforge.torch.data.DataSources;
import io.archforge.torch.data.TrainTestData;
import io.archforge.torch.export.ModelExport;
import io.archforge.torch.export.NetworkWeights;
import io.archforge.torch.export.Safetensors;
import io.archforge.torch.export.TensorFile;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real DJL training of {@code macro+recipe} trials on a few hundred Fashion-MNIST images:
 * each trial trains with the batch size, epochs, optimizer, augmentation and dropout it
 * chose, not with the evaluator's recipe.
 */
class RecipeTrainingTest {

    /** The evaluator's recipe: 3 epochs of batches of 64 with SGD. */
    private static final TrainingRecipe BASE =
            new TrainingRecipe(3, 64, 320, 100, 0.1f, 0.9f, 5e-4f);
    static final String MACRO = "s1.depth=1,s1.width=8,s1.kernel=3,s1.expansion=1,"
            + "s1.residual=off,s2.depth=1,s2.width=8,s2.kernel=3,s2.expansion=1,"
            + "s2.residual=off,s3.depth=1,s3.width=16,s3.kernel=3,s3.expansion=2,"
            + "s3.residual=off";
    static final String RECIPE = "recipe.learning_rate=0.003,recipe.weight_decay=1.0E-5,"
            + "recipe.batch_size=32,recipe.epochs=2,recipe.optimizer=adamw,"
            + "recipe.augmentation=both,recipe.dropout=0.3";

    private static TrainTestData data;

    @BeforeAll
    static void readData() {
        data = DataSources.load("fashion-mnist", null);
    }

    @Test
    void jointTrialTrainsWithItsOwnRecipe() {
        Architecture joint = RecipeSpace.create().parse(MACRO + "," + RECIPE);
        RecordingContext context = new RecordingContext(5);
        Evaluation evaluation;
        try (TrainingEvaluator evaluator = evaluator()) {
            evaluation = evaluator.evaluate(joint, context);
        }

        // Two epochs, each reported once, in batches of 32
        assertThat(context.reported).hasSize(2);
        assertThat(evaluation.metrics()).containsEntry(CostMetrics.TRAINING_EPOCHS, 2.0);
        assertThat(evaluation.metrics().get("accuracy")).isBetween(0.0, 100.0);
        assertThat(evaluation.attributes())
                .containsEntry("recipe.batch_size", "32")
                .containsEntry("recipe.epochs", "2")
                .containsEntry("recipe.optimizer", "adamw")
                .containsEntry("recipe.augmentation", "both")
                .containsEntry("recipe.dropout", "0.3")
                .containsEntry("recipe.learning_rate", "0.003");
        assertThat(evaluation.attributes().get("recipe"))
                .startsWith("AdamW, cosine lr 0.003, weight decay 1.0E-5, 2 epochs x 320"
                        + " images, batch 32, 100 validation images")
                .endsWith("augmentation both, dropout 0.3");

        // The weights are those of the macro network, without a dropout layer
        TensorFile weights = Safetensors.decode(
                evaluation.artifacts().get(ModelExport.WEIGHTS_FILE));
        assertThat(weights.metadata())
                .containsEntry(NetworkWeights.SPACE_KEY, "macro")
                .containsEntry(NetworkWeights.ARCHITECTURE_KEY,
                        MacroSpace.create().parse(MACRO).text());
        assertThat(weights.byName()).containsKeys("head.2.weight", "head.2.bias");
    }

    @Test
    void macroTrialKeepsTheEvaluatorsRecipe() {
        RecordingContext context = new RecordingContext(5);
        Evaluation evaluation;
        try (TrainingEvaluator evaluator = evaluator()) {
            evaluation = evaluator.evaluate(MacroSpace.create().parse(MACRO), context);
        }

        assertThat(context.reported).hasSize(3);
        assertThat(evaluation.metrics()).containsEntry(CostMetrics.TRAINING_EPOCHS, 3.0);
        assertThat(evaluation.attributes()).containsEntry("recipe", BASE.describe())
                .doesNotContainKey("recipe.batch_size");
    }

    @Test
    void schedulerFidelitySetsTheEpochs() {
        Architecture joint = RecipeSpace.create(RecipeRanges.defaults(), false)
                .parse(MACRO + "," + RECIPE.replace("recipe.epochs=2,", ""));
        RecordingContext context = new RecordingContext(5) {
            @Override
            public Optional<Fidelity> fidelity() {
                return Optional.of(Fidelity.epochs(1));
            }
        };
        Evaluation evaluation;
        try (TrainingEvaluator evaluator = evaluator()) {
            evaluation = evaluator.evaluate(joint, context);
        }

        assertThat(context.reported).hasSize(1);
        assertThat(evaluation.metrics()).containsEntry(CostMetrics.TRAINING_EPOCHS, 1.0);
        assertThat(evaluation.attributes()).containsEntry("recipe.epochs", "1")
                .containsEntry("recipe.batch_size", "32");
    }

    @Test
    void batchLargerThanTheTrainingImagesIsRejected() {
        Architecture joint = RecipeSpace.create(RecipeRanges.defaults()
                .with("batch_size=32:512"), true)
                .parse(MACRO + "," + RECIPE.replace("batch_size=32", "batch_size=512"));
        try (TrainingEvaluator evaluator = evaluator()) {
            assertThatThrownBy(() -> evaluator.evaluate(joint, new RecordingContext(5)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("need at least one batch of training images");
        }
    }

    @Test
    void recipeTakesTheChosenSettings() {
        Architecture joint = RecipeSpace.create().parse(MACRO + "," + RECIPE);

        TrainingRecipe recipe = BASE.with(RecipeSpace.split(joint).hyperparameters());

        assertThat(recipe).isEqualTo(new TrainingRecipe(2, 32, 320, 100, 0.003f, 0.9f, 1e-5f,
                Optimizer.ADAMW, Augmentation.BOTH, 0.3f));
        assertThat(recipe.withEpochs(5).dropout()).isEqualTo(0.3f);
        assertThat(BASE.describe()).isEqualTo("SGD momentum 0.9, cosine lr 0.1, weight decay"
                + " 5.0E-4, 3 epochs x 320 images, batch 64, 100 validation images");
    }

    private static TrainingEvaluator evaluator() {
        return new TrainingEvaluator(data, BASE, new LatencyMeter(1, 30, 1), 2, 1, 0);
    }
}
