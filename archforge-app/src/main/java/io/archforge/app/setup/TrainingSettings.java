package io.archforge.app.setup;

import io.archforge.torch.train.TrainingRecipe;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training-recipe values a real-training study stores with its evaluator options,
 * under the keys {@link #EPOCHS}, {@link #BATCH_SIZE}, {@link #TRAIN_IMAGES},
 * {@link #VALIDATION_IMAGES} and {@link #LEARNING_RATE}. Momentum and weight decay
 * stay at {@link TrainingRecipe#standard()}'s values.
 *
 * <p>The constructor checks the values on their own; whether the data set contains enough
 * images is checked once it is read ({@link EvaluatorFactory}).
 *
 * @param epochs passes over the training images
 * @param batchSize images per optimizer step
 * @param trainImages training images per trial, taken from the training split
 * @param validationImages images that score each trial, also taken from the training split
 * @param learningRate the initial SGD learning rate
 */
public record TrainingSettings(int epochs, int batchSize, int trainImages,
        int validationImages, float learningRate) {

    /** Stored key of {@link #epochs}. */
    public static final String EPOCHS = "epochs";
    /** Stored key of {@link #batchSize}. */
    public static final String BATCH_SIZE = "batch_size";
    /** Stored key of {@link #trainImages}. */
    public static final String TRAIN_IMAGES = "train_images";
    /** Stored key of {@link #validationImages}. */
    public static final String VALIDATION_IMAGES = "validation_images";
    /** Stored key of {@link #learningRate}. */
    public static final String LEARNING_RATE = "learning_rate";

    /**
     * Checks each value.
     *
     * @throws IllegalArgumentException naming the command-line option, its value and the fix
     */
    public TrainingSettings {
        requirePositive("--epochs", epochs);
        requirePositive("--batch-size", batchSize);
        requirePositive("--train-images", trainImages);
        requirePositive("--validation-images", validationImages);
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("invalid --learning-rate " + learningRate
                    + ": it must be a finite number above 0, such as 0.1");
        }
        if (trainImages < batchSize) {
            throw new IllegalArgumentException("--train-images " + trainImages
                    + " is smaller than --batch-size " + batchSize
                    + ": an epoch trains on whole batches only; lower --batch-size or raise "
                    + "--train-images");
        }
    }

    private static void requirePositive(String option, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("invalid " + option + " " + value
                    + ": it must be 1 or more");
        }
    }

    /** Returns the values of {@link TrainingRecipe#standard()}. */
    public static TrainingSettings standard() {
        TrainingRecipe recipe = TrainingRecipe.standard();
        return new TrainingSettings(recipe.epochs(), recipe.batchSize(), recipe.trainImages(),
                recipe.validationImages(), recipe.learningRate());
    }

    /**
     * Reads the stored evaluator options. A key that is absent, as in studies stored
     * before these keys existed, takes the standard value, which is what such a study
     * trained with.
     *
     * @throws IllegalArgumentException when a stored value is not a number or is invalid
     */
    public static TrainingSettings fromMap(Map<String, String> options) {
        TrainingSettings standard = standard();
        return new TrainingSettings(
                intValue(options, EPOCHS, standard.epochs()),
                intValue(options, BATCH_SIZE, standard.batchSize()),
                intValue(options, TRAIN_IMAGES, standard.trainImages()),
                intValue(options, VALIDATION_IMAGES, standard.validationImages()),
                floatValue(options, LEARNING_RATE, standard.learningRate()));
    }

    private static int intValue(Map<String, String> options, String key, int standard) {
        String text = options.get(key);
        try {
            return text == null ? standard : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("stored " + key + " '" + text
                    + "' is not an integer", e);
        }
    }

    private static float floatValue(Map<String, String> options, String key, float standard) {
        String text = options.get(key);
        try {
            return text == null ? standard : Float.parseFloat(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("stored " + key + " '" + text
                    + "' is not a number", e);
        }
    }

    /** Returns the values as stored: the five keys in a fixed order, numbers in Java's form. */
    public Map<String, String> toMap() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(EPOCHS, Integer.toString(epochs));
        values.put(BATCH_SIZE, Integer.toString(batchSize));
        values.put(TRAIN_IMAGES, Integer.toString(trainImages));
        values.put(VALIDATION_IMAGES, Integer.toString(validationImages));
        values.put(LEARNING_RATE, Float.toString(learningRate));
        return values;
    }

    /** Returns the recipe: these values, with the standard momentum and weight decay. */
    public TrainingRecipe toRecipe() {
        TrainingRecipe standard = TrainingRecipe.standard();
        return new TrainingRecipe(epochs, batchSize, trainImages, validationImages,
                learningRate, standard.momentum(), standard.weightDecay());
    }
}
