package io.archforge.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.Hyperparameters.Augmentation;
import io.archforge.space.Hyperparameters.Optimizer;
import io.archforge.space.RecipeRanges.Range;
import io.archforge.space.RecipeRanges.Setting;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecipeSpaceTest {

    private static final String MACRO_TEXT =
            "s1.depth=1,s1.width=16,s1.kernel=3,s1.expansion=1,s1.residual=off,"
            + "s2.depth=2,s2.width=32,s2.kernel=5,s2.expansion=2,s2.residual=on,"
            + "s3.depth=3,s3.width=64,s3.kernel=3,s3.expansion=4,s3.residual=on";
    private static final String RECIPE_TEXT = "recipe.learning_rate=0.05,"
            + "recipe.weight_decay=1.0E-4,recipe.batch_size=128,recipe.epochs=2,"
            + "recipe.optimizer=adamw,recipe.augmentation=shift,recipe.dropout=0.25";

    @Test
    void appendsRecipeChoicesToTheMacroChoices() {
        ChoiceSpace space = RecipeSpace.create();

        assertThat(space.name()).isEqualTo("macro+recipe");
        assertThat(space.choices().subList(0, 15)).isEqualTo(MacroSpace.create().choices());
        assertThat(space.choiceNames()).endsWith("recipe.learning_rate",
                "recipe.weight_decay", "recipe.batch_size", "recipe.epochs",
                "recipe.optimizer", "recipe.augmentation", "recipe.dropout");
        assertThat(space.size()).isEqualTo(-1);
        assertThat(SearchSpaces.byName("macro+recipe")).isEqualTo(space);
        assertThat(SearchSpaces.names()).contains("macro+recipe");
    }

    @Test
    void defaultRangesMatchTheDocumentedOnes() {
        ChoiceSpace space = RecipeSpace.create();

        assertThat(space.choices().get(space.indexOf("recipe.learning_rate")))
                .isEqualTo(new Choice.FloatRange("recipe.learning_rate", 0.001, 0.3, true));
        assertThat(space.choices().get(space.indexOf("recipe.weight_decay")))
                .isEqualTo(new Choice.FloatRange("recipe.weight_decay", 1e-6, 0.01, true));
        assertThat(space.choices().get(space.indexOf("recipe.batch_size")))
                .isEqualTo(new Choice.Categorical("recipe.batch_size",
                        List.of("32", "64", "128", "256")));
        assertThat(space.choices().get(space.indexOf("recipe.epochs")))
                .isEqualTo(new Choice.IntRange("recipe.epochs", 1, 3, 1));
        assertThat(space.choices().get(space.indexOf("recipe.optimizer")))
                .isEqualTo(new Choice.Categorical("recipe.optimizer",
                        List.of("sgd", "adam", "adamw")));
        assertThat(space.choices().get(space.indexOf("recipe.augmentation")))
                .isEqualTo(new Choice.Categorical("recipe.augmentation",
                        List.of("none", "shift", "flip", "both")));
        assertThat(space.choices().get(space.indexOf("recipe.dropout")))
                .isEqualTo(new Choice.FloatRange("recipe.dropout", 0, 0.5, false));
    }

    @Test
    void splitsIntoMacroArchitectureAndRecipe() {
        Architecture joint = RecipeSpace.create().parse(MACRO_TEXT + "," + RECIPE_TEXT);

        RecipeSpace.Split split = RecipeSpace.split(joint);

        assertThat(split.macro()).isEqualTo(MacroSpace.create().parse(MACRO_TEXT));
        assertThat(split.hyperparameters()).isEqualTo(new Hyperparameters(0.05, 1e-4, 128,
                OptionalInt.of(2), Optimizer.ADAMW, Augmentation.SHIFT, 0.25));
    }

    @Test
    void splitWithoutEpochsChoiceLeavesEpochsEmpty() {
        ChoiceSpace space = RecipeSpace.create(RecipeRanges.defaults(), false);
        Architecture joint = space.parse(MACRO_TEXT + "," + RECIPE_TEXT
                .replace("recipe.epochs=2,", ""));

        Hyperparameters recipe = RecipeSpace.split(joint).hyperparameters();

        assertThat(space.indexOf("recipe.epochs")).isEqualTo(-1);
        assertThat(recipe.epochs()).isEmpty();
        assertThat(recipe.describe()).contains("epochs set by the scheduler");
    }

    @Test
    void splitReadsAnyRangesAndRejectsOtherSpaces() {
        ChoiceSpace wide = RecipeSpace.create(RecipeRanges.defaults().with("epochs=1:20")
                .with("learning_rate=0.5:2"), true);
        Architecture joint = wide.parse(MACRO_TEXT + "," + RECIPE_TEXT
                .replace("epochs=2", "epochs=17").replace("learning_rate=0.05",
                        "learning_rate=1.5"));

        assertThat(RecipeSpace.split(joint).hyperparameters().epochs()).hasValue(17);
        assertThat(RecipeSpace.split(joint).hyperparameters().learningRate()).isEqualTo(1.5);
        assertThatThrownBy(() -> RecipeSpace.split(MacroSpace.create().parse(MACRO_TEXT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is of space 'macro', not 'macro+recipe'");
    }

    @Test
    void macroTextDropsOnlyRecipePairs() {
        assertThat(RecipeSpace.macroText(MACRO_TEXT + "," + RECIPE_TEXT)).isEqualTo(MACRO_TEXT);
        assertThat(RecipeSpace.macroText(MACRO_TEXT)).isEqualTo(MACRO_TEXT);
    }

    @Test
    void customRangesNarrowTheChoices() {
        RecipeRanges ranges = RecipeRanges.defaults().with("learning_rate=0.01:0.1")
                .with("batch_size=48:200").with("epochs=2:4").with("dropout=0:0");
        ChoiceSpace space = RecipeSpace.create(ranges, true);
        SplittableRandom random = new SplittableRandom(3);

        assertThat(space.choices().get(space.indexOf("recipe.batch_size")))
                .isEqualTo(new Choice.Categorical("recipe.batch_size", List.of("64", "128")));
        for (int i = 0; i < 200; i++) {
            Hyperparameters recipe = RecipeSpace.split(space.sample(random)).hyperparameters();
            assertThat(recipe.learningRate()).isBetween(0.01, 0.1);
            assertThat(recipe.epochs().getAsInt()).isBetween(2, 4);
            assertThat(recipe.dropout()).isZero();
        }
    }

    @Test
    void rangesRoundTripThroughEvaluatorOptions() {
        Map<String, String> options = RecipeRanges.options(
                List.of("learning_rate=1e-3:0.3", " epochs = 2:5", "batch_size=64:64"));

        assertThat(options).containsExactly(
                Map.entry("recipe_range.learning_rate", "0.001:0.3"),
                Map.entry("recipe_range.epochs", "2:5"),
                Map.entry("recipe_range.batch_size", "64:64"));
        RecipeRanges ranges = RecipeRanges.defaults().withOptions(options);
        assertThat(ranges.range(Setting.LEARNING_RATE)).isEqualTo(new Range(0.001, 0.3));
        assertThat(ranges.range(Setting.EPOCHS)).isEqualTo(new Range(2, 5));
        assertThat(ranges.range(Setting.WEIGHT_DECAY)).isEqualTo(new Range(1e-6, 0.01));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "learning_rate=0.3:0.001 | low 0.3 is above high 0.001; write the smaller bound first",
        "momentum=0.1:0.9        | unknown recipe setting 'momentum'; ranges apply to",
        "optimizer=1:2           | 'optimizer' is a list of options and takes no range",
        "learning_rate=abc:0.3   | bound 'abc' of 'learning_rate' is not a finite number",
        "learning_rate=0.1       | is not of the form NAME=LOW:HIGH",
        "learning_rate=0:0.3     | it is searched on a log scale, so LOW must be above 0",
        "weight_decay=0:0.01     | it is searched on a log scale, so LOW must be above 0",
        "epochs=1.5:3            | invalid range 1.5:3 of 'epochs': it takes integers only",
        "batch_size=32.5:64      | invalid range 32.5:64 of 'batch_size': it takes integers",
        "epochs=0:3              | LOW must be 1 or more",
        "batch_size=33:60        | it needs a power of two",
        "dropout=0:1             | a dropout rate is at least 0 and below 1",
        "dropout=NaN:0.5         | bound 'NaN' of 'dropout' is not a finite number"})
    void invalidRangesNameTheValueAndTheFix(String text, String message) {
        assertThatThrownBy(() -> RecipeRanges.options(List.of(text)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void settingGivenTwiceIsRejected() {
        assertThatThrownBy(() -> RecipeRanges.options(
                List.of("epochs=1:2", "epochs=1:3")))
                .hasMessageContaining("the range of 'epochs' is given twice");
    }
}
