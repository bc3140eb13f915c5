package io.archforge.app.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.space.Choice;
import io.archforge.space.ChoiceSpace;
import io.archforge.space.RecipeSpace;
import io.archforge.space.SearchSpaces;
import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link StudySpaces#parsing} of studies that tune the training recipe. */
class StudySpacesRecipeTest {

    private static StudyConfig config(Map<String, String> evaluatorOptions) {
        return new StudyConfig("s", RecipeSpace.NAME, "train", evaluatorOptions, "random",
                Map.of(), List.of(Objective.maximize("accuracy")), 0);
    }

    @Test
    void defaultStudyParsesWithTheDefaultSpace() {
        ChoiceSpace space = (ChoiceSpace) StudySpaces.parsing(config(Map.of("epochs", "3")));

        assertThat(space).isEqualTo(SearchSpaces.byName(RecipeSpace.NAME));
    }

    @Test
    void storedEpochsAndRangesShapeTheSpace() {
        ChoiceSpace space = (ChoiceSpace) StudySpaces.parsing(config(Map.of("epochs", "5",
                "recipe_range.learning_rate", "0.01:0.1", "recipe_range.dropout", "0.0:0.2")));

        assertThat(space.choices().get(space.indexOf("recipe.epochs")))
                .isEqualTo(new Choice.IntRange("recipe.epochs", 1, 5, 1));
        assertThat(space.choices().get(space.indexOf("recipe.learning_rate")))
                .isEqualTo(new Choice.FloatRange("recipe.learning_rate", 0.01, 0.1, true));
        assertThat(space.choices().get(space.indexOf("recipe.dropout")))
                .isEqualTo(new Choice.FloatRange("recipe.dropout", 0.0, 0.2, false));
    }

    @Test
    void storedEpochsRangeWinsOverTheEpochs() {
        ChoiceSpace space = (ChoiceSpace) StudySpaces.parsing(config(Map.of("epochs", "5",
                "recipe_range.epochs", "2:3")));

        assertThat(space.choices().get(space.indexOf("recipe.epochs")))
                .isEqualTo(new Choice.IntRange("recipe.epochs", 2, 3, 1));
    }

    @Test
    void schedulerDropsTheEpochsChoice() {
        StudyConfig config = config(Map.of("epochs", "3"))
                .withScheduler(Optional.of("asha"), Map.of());

        ChoiceSpace space = (ChoiceSpace) StudySpaces.parsing(config);

        assertThat(space.indexOf("recipe.epochs")).isEqualTo(-1);
        assertThat(space.indexOf("recipe.batch_size")).isPositive();
    }

    @Test
    void invalidStoredRangeIsRejected() {
        assertThatThrownBy(() -> StudySpaces.parsing(config(Map.of(
                "recipe_range.learning_rate", "0.3:0.01"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("low 0.3 is above high 0.01");
    }
}
