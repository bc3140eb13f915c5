package io.archforge.torch.text;

/**
 * The training settings of a character transformer: Adam at a constant learning rate,
 * on batches of random windows of the training text, for {@code epochs} passes of {@code stepsPerEpoch}
 * steps each. An epoch here is a fixed number of steps, not a pass over every window.
 *
 * @param epochs the passes, at least 1
 * @param stepsPerEpoch the optimizer steps per pass
 * @param batchSize the windows per step
 * @param context the characters per window
 * @param learningRate Adam's learning rate
 */
public record CharTrainingSettings(int epochs, int stepsPerEpoch, int batchSize, int context,
        float learningRate) {

    /** The default epochs. */
    public static final int DEFAULT_EPOCHS = 2;
    /** The default steps per epoch. */
    public static final int DEFAULT_STEPS_PER_EPOCH = 100;
    /** The default windows per step. */
    public static final int DEFAULT_BATCH_SIZE = 16;
    /** The default characters per window. */
    public static final int DEFAULT_CONTEXT = 64;
    /** The default learning rate. */
    public static final float DEFAULT_LEARNING_RATE = 3e-3f;

    public CharTrainingSettings {
        if (epochs < 1 || stepsPerEpoch < 1 || batchSize < 1 || context < 1) {
            throw new IllegalArgumentException("epochs, steps per epoch, batch size and context"
                    + " must be at least 1, got " + epochs + ", " + stepsPerEpoch + ", "
                    + batchSize + " and " + context);
        }
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learning rate must be a positive number, got "
                    + learningRate);
        }
    }

    /** Returns the default settings. */
    public static CharTrainingSettings defaults() {
        return new CharTrainingSettings(DEFAULT_EPOCHS, DEFAULT_STEPS_PER_EPOCH,
                DEFAULT_BATCH_SIZE, DEFAULT_CONTEXT, DEFAULT_LEARNING_RATE);
    }

    /** Returns these settings with {@code epochs} passes. */
    public CharTrainingSettings withEpochs(int epochs) {
        return new CharTrainingSettings(epochs, stepsPerEpoch, batchSize, context, learningRate);
    }

    /** Returns a one-line description for provenance. */
    public String describe() {
        return "Adam, learning rate " + learningRate + ", " + epochs + " epochs of "
                + stepsPerEpoch + " steps, batch " + batchSize + " random windows of "
                + context + " characters";
    }
}
