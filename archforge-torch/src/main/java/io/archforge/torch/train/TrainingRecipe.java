package io.archforge.torch.train;

import io.archforge.space.Hyperparameters;
import io.archforge.space.Hyperparameters.Augmentation;
import io.archforge.space.Hyperparameters.Optimizer;
import java.util.Locale;
import java.util.Objects;

/**
 * The training procedure applied to an architecture: fixed for every trial of a study,
 * or chosen by each trial of a {@code macro+recipe} study ({@link #with(Hyperparameters)}).
 *
 * <p>The optimizer is SGD with (heavy-ball) momentum and L2 weight decay, Adam with the
 * weight decay added to the gradient, or AdamW with decoupled weight decay (Adam's betas
 * are DJL's defaults, 0.9 and 0.999). The learning rate falls from {@code learningRate}
 * to zero along a cosine over all steps, and the loss is softmax cross-entropy. Images
 * are shuffled anew in every epoch from the trial seed; the last, partial batch of an
 * epoch is dropped. Augmentation changes training images only, and dropout acts before
 * the classifier's linear layer during training only.
 *
 * @param epochs passes over the training images
 * @param batchSize images per step
 * @param trainImages training images per trial, carved from the training split
 * @param validationImages held-out images to score on, carved from the training split
 * @param learningRate the initial learning rate
 * @param momentum the SGD momentum; Adam and AdamW ignore it
 * @param weightDecay the L2 penalty on all parameters
 * @param optimizer the optimizer
 * @param augmentation the random changes made to training images
 * @param dropout the dropout rate before the classifier, 0 for no dropout layer
 */
public record TrainingRecipe(int epochs, int batchSize, int trainImages, int validationImages,
        float learningRate, float momentum, float weightDecay, Optimizer optimizer,
        Augmentation augmentation, float dropout) {

    public TrainingRecipe {
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batch size must be at least 1, got "
                    + epochs + " and " + batchSize);
        }
        if (trainImages < batchSize || validationImages < 1) {
            throw new IllegalArgumentException("need at least one batch of training images and "
                    + "one validation image, got " + trainImages + " and " + validationImages);
        }
        if (!(learningRate > 0) || momentum < 0 || momentum >= 1 || weightDecay < 0) {
            throw new IllegalArgumentException("need learning rate > 0, momentum in [0, 1) and "
                    + "weight decay >= 0, got " + learningRate + ", " + momentum + ", "
                    + weightDecay);
        }
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(augmentation, "augmentation");
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("need dropout in [0, 1), got " + dropout);
        }
    }

    /** Creates an SGD recipe without augmentation or dropout. */
    public TrainingRecipe(int epochs, int batchSize, int trainImages, int validationImages,
            float learningRate, float momentum, float weightDecay) {
        this(epochs, batchSize, trainImages, validationImages, learningRate, momentum,
                weightDecay, Optimizer.SGD, Augmentation.NONE, 0f);
    }

    /**
     * Returns the default recipe: 3 epochs over 5,000 images in batches of 64, scored on
     * 1,000 held-out images, with learning rate 0.1, momentum 0.9 and weight decay 5e-4.
     * It fits the shipped Fashion-MNIST subset (6,000 training images).
     * On 2 x86-64 cores with one intra-op thread, ten macro networks (the reference and
     * nine sampled ones, stem stride 2) took 9 to 77 s per trial, median 13 s and mean
     * 26 s. They reached 79.0 to 84.5% validation accuracy. These are measured planning
     * figures for a 2-core machine, not bounds.
     */
    public static TrainingRecipe standard() {
        return new TrainingRecipe(3, 64, 5_000, 1_000, 0.1f, 0.9f, 5e-4f);
    }

    /** This recipe with {@code count} epochs; the learning-rate schedule spans them. */
    public TrainingRecipe withEpochs(int count) {
        return new TrainingRecipe(count, batchSize, trainImages, validationImages, learningRate,
                momentum, weightDecay, optimizer, augmentation, dropout);
    }

    /**
     * This recipe with the learning rate, weight decay, batch size, optimizer,
     * augmentation, dropout and, when present, epochs of {@code chosen}. The training and
     * validation images and the SGD momentum stay.
     *
     * @throws IllegalArgumentException when the batch size exceeds the training images
     */
    public TrainingRecipe with(Hyperparameters chosen) {
        return new TrainingRecipe(chosen.epochs().orElse(epochs), chosen.batchSize(),
                trainImages, validationImages, (float) chosen.learningRate(), momentum,
                (float) chosen.weightDecay(), chosen.optimizer(), chosen.augmentation(),
                (float) chosen.dropout());
    }

    /** Optimizer steps per epoch. */
    public int stepsPerEpoch() {
        return trainImages / batchSize;
    }

    /** Returns a one-line summary for logs and trial attributes. */
    public String describe() {
        String method = optimizer == Optimizer.SGD ? "SGD momentum " + momentum
                : optimizer == Optimizer.ADAM ? "Adam" : "AdamW";
        String text = String.format(Locale.ROOT, "%s, cosine lr %s, weight decay %s,"
                + " %d epochs x %d images, batch %d, %d validation images", method,
                learningRate, weightDecay, epochs, trainImages, batchSize, validationImages);
        if (augmentation != Augmentation.NONE) {
            text += ", augmentation " + augmentation.key();
        }
        return dropout > 0 ? text + ", dropout " + dropout : text;
    }
}
