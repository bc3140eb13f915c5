package io.archforge.torch.supernet;

import java.util.Locale;
import java.util.Objects;

/**
 * The settings of supernet training: SGD with (heavy-ball) momentum and weight decay, a
 * learning rate that falls from {@code learningRate} to zero along a cosine over all
 * steps, softmax cross-entropy loss, clipping of each step's gradient to a maximum
 * global L2 norm, and a path sampling rule. Images are shuffled anew in every epoch; the
 * last, partial batch of an epoch is dropped.
 *
 * @param epochs passes over the training images
 * @param batchSize images per step
 * @param learningRate the initial learning rate
 * @param momentum the SGD momentum
 * @param weightDecay the L2 penalty on the parameters a step updates
 * @param sampling how each step picks its paths
 * @param maxGradientNorm the global L2 norm, over all parameters a step updates, that a
 *     larger gradient is scaled down to before the update; 0 for no clipping
 */
public record SupernetTraining(int epochs, int batchSize, float learningRate, float momentum,
        float weightDecay, PathSampling sampling, float maxGradientNorm) {

    /** The gradient norm {@link #standard} clips to. */
    public static final float STANDARD_MAX_GRADIENT_NORM = 5f;

    public SupernetTraining {
        Objects.requireNonNull(sampling, "sampling");
        if (epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("epochs and batch size must be at least 1, got "
                    + epochs + " and " + batchSize);
        }
        if (!(learningRate > 0) || momentum < 0 || momentum >= 1 || weightDecay < 0) {
            throw new IllegalArgumentException("need learning rate > 0, momentum in [0, 1) and"
                    + " weight decay >= 0, got " + learningRate + ", " + momentum + ", "
                    + weightDecay);
        }
        if (!(maxGradientNorm >= 0) || Float.isInfinite(maxGradientNorm)) {
            throw new IllegalArgumentException("maximum gradient norm must be finite and at"
                    + " least 0 (0 for no clipping), got " + maxGradientNorm);
        }
    }

    /** Creates settings without gradient clipping. */
    public SupernetTraining(int epochs, int batchSize, float learningRate, float momentum,
            float weightDecay, PathSampling sampling) {
        this(epochs, batchSize, learningRate, momentum, weightDecay, sampling, 0f);
    }

    /**
     * Returns uniform single-path training for {@code epochs} epochs with the optimizer
     * settings of the project's stand-alone recipe ({@code TrainingRecipe.standard()}):
     * batch 64, learning rate 0.1, momentum 0.9, weight decay 5e-4, and gradients
     * clipped to norm {@value #STANDARD_MAX_GRADIENT_NORM}. Stage distillation at weight
     * 1 diverged within one epoch of 10,000 Fashion-MNIST images without the clipping.
     * A cell of parameter-free operations sums up to four copies of its input with no
     * batch norm, so the stage outputs of such paths, and their gradients, can be large.
     */
    public static SupernetTraining standard(int epochs) {
        return new SupernetTraining(epochs, 64, 0.1f, 0.9f, 5e-4f, PathSampling.UNIFORM,
                STANDARD_MAX_GRADIENT_NORM);
    }

    /** Returns these settings with {@code count} epochs; the schedule spans them. */
    public SupernetTraining withEpochs(int count) {
        return new SupernetTraining(count, batchSize, learningRate, momentum, weightDecay,
                sampling, maxGradientNorm);
    }

    /** Returns these settings with another sampling rule. */
    public SupernetTraining withSampling(PathSampling rule) {
        return new SupernetTraining(epochs, batchSize, learningRate, momentum, weightDecay,
                rule, maxGradientNorm);
    }

    /** Returns a one-line summary for logs and provenance. */
    public String describe() {
        String clipping = maxGradientNorm > 0 ? "gradient norm clipped to " + maxGradientNorm
                : "no gradient clipping";
        return String.format(Locale.ROOT, "%s paths, SGD momentum %s, cosine lr %s,"
                + " weight decay %s, %s, %d epochs, batch %d",
                sampling.name().toLowerCase(Locale.ROOT), momentum, learningRate, weightDecay,
                clipping, epochs, batchSize);
    }
}
