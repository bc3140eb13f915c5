package io.archforge.torch.train;

import io.archforge.space.Architecture;
import io.archforge.space.Hyperparameters;
import io.archforge.space.RecipeSpace;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The network and the recipe of one trial: a {@code macro} architecture with the
 * evaluator's recipe, or a {@code macro+recipe} architecture split into its macro
 * architecture and the evaluator's recipe changed to the trial's choices.
 *
 * @param macro the {@code macro} architecture that fixes the network
 * @param recipe the recipe that trains it, before any fidelity changes its epochs
 * @param chosen the trial's own recipe choices, empty for a {@code macro} architecture
 */
record TrialRecipe(Architecture macro, TrainingRecipe recipe, Optional<Hyperparameters> chosen) {

    /** The attribute with the one-line summary of the recipe that trained a trial. */
    static final String RECIPE = "recipe";

    TrialRecipe {
        Objects.requireNonNull(macro, "macro");
        Objects.requireNonNull(recipe, "recipe");
        Objects.requireNonNull(chosen, "chosen");
    }

    /**
     * Reads the trial of {@code architecture} under the evaluator's {@code base} recipe.
     *
     * @throws IllegalArgumentException when the trial's batch size exceeds the training
     *     images, or the architecture is of neither space
     */
    static TrialRecipe of(Architecture architecture, TrainingRecipe base) {
        if (!architecture.space().equals(RecipeSpace.NAME)) {
            return new TrialRecipe(architecture, base, Optional.empty());
        }
        RecipeSpace.Split split = RecipeSpace.split(architecture);
        return new TrialRecipe(split.macro(), base.with(split.hyperparameters()),
                Optional.of(split.hyperparameters()));
    }

    /**
     * Returns the attributes that record the recipe a trial trained with, {@value #RECIPE} and,
     * for a chosen recipe, one {@code recipe.NAME} attribute per setting.
     *
     * @param epochs the epochs trained, which a fidelity may have set
     */
    Map<String, String> attributes(int epochs) {
        Map<String, String> attributes = new LinkedHashMap<>();
        TrainingRecipe trained = recipe.withEpochs(epochs);
        attributes.put(RECIPE, trained.describe());
        if (chosen.isPresent()) {
            attributes.put(RecipeSpace.PREFIX + "optimizer", trained.optimizer().key());
            attributes.put(RecipeSpace.PREFIX + "learning_rate",
                    Float.toString(trained.learningRate()));
            attributes.put(RecipeSpace.PREFIX + "weight_decay",
                    Float.toString(trained.weightDecay()));
            attributes.put(RecipeSpace.PREFIX + "batch_size",
                    Integer.toString(trained.batchSize()));
            attributes.put(RecipeSpace.PREFIX + "epochs", Integer.toString(epochs));
            attributes.put(RecipeSpace.PREFIX + "augmentation", trained.augmentation().key());
            attributes.put(RecipeSpace.PREFIX + "dropout", Float.toString(trained.dropout()));
        }
        return attributes;
    }
}
