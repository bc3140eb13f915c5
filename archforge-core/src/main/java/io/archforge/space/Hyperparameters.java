package io.archforge.space;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The training recipe that one {@code macro+recipe} architecture chooses
 * ({@link RecipeSpace}).
 *
 * @param learningRate the initial learning rate, above 0
 * @param weightDecay the L2 penalty on all parameters, 0 or more
 * @param batchSize images per optimizer step, 1 or more
 * @param epochs passes over the training images, or empty when a multi-fidelity
 *     scheduler sets them
 * @param optimizer the optimizer
 * @param augmentation the random changes made to training images
 * @param dropout the rate of the dropout layer before the classifier, from 0 (no
 *     dropout layer) to below 1
 */
public record Hyperparameters(double learningRate, double weightDecay, int batchSize,
        OptionalInt epochs, Optimizer optimizer, Augmentation augmentation, double dropout) {

    /**
     * Checks each value.
     *
     * @throws IllegalArgumentException naming the invalid value
     */
    public Hyperparameters {
        Objects.requireNonNull(epochs, "epochs");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(augmentation, "augmentation");
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("invalid learning rate " + learningRate
                    + ": it must be a finite number above 0");
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("invalid weight decay " + weightDecay
                    + ": it must be a finite number of 0 or more");
        }
        if (batchSize < 1 || epochs.orElse(1) < 1) {
            throw new IllegalArgumentException("invalid batch size " + batchSize
                    + " or epochs " + epochs + ": both must be 1 or more");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("invalid dropout " + dropout
                    + ": it must be at least 0 and below 1");
        }
    }

    /** Returns a one-line summary, such as {@code adam lr 0.003, weight decay 1.0E-5, ...}. */
    public String describe() {
        String passes = epochs.isPresent() ? epochs.getAsInt() + " epochs"
                : "epochs set by the scheduler";
        return String.format(Locale.ROOT, "%s lr %s, weight decay %s, batch %d, %s,"
                + " augmentation %s, dropout %s", optimizer.key(), learningRate, weightDecay,
                batchSize, passes, augmentation.key(), dropout);
    }

    /** The optimizers a recipe can choose. */
    public enum Optimizer {
        /** Stochastic gradient descent with heavy-ball momentum and L2 weight decay. */
        SGD,
        /** Adam (Kingma and Ba, 2015) with the weight decay added to the gradient. */
        ADAM,
        /** AdamW (Loshchilov and Hutter, 2019): Adam with decoupled weight decay. */
        ADAMW;

        /** Returns the option name, in lower case. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Returns the option names, in declaration order. */
        public static List<String> keys() {
            return Arrays.stream(values()).map(Optimizer::key).toList();
        }

        /**
         * Looks up an optimizer by its option name.
         *
         * @throws IllegalArgumentException naming the valid names
         */
        public static Optimizer of(String key) {
            for (Optimizer optimizer : values()) {
                if (optimizer.key().equals(key)) {
                    return optimizer;
                }
            }
            throw new IllegalArgumentException("unknown optimizer '" + key + "'; valid ones are "
                    + keys());
        }
    }

    /** The random changes made to each training image; validation images stay unchanged. */
    public enum Augmentation {
        /** Images train as they are. */
        NONE,
        /** Each image moves by up to two pixels in each direction, padded with background. */
        SHIFT,
        /** Each image is mirrored left to right with probability one half. */
        FLIP,
        /** A shift, then a flip. */
        BOTH;

        /** Returns the option name, in lower case. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Returns the option names, in declaration order. */
        public static List<String> keys() {
            return Arrays.stream(values()).map(Augmentation::key).toList();
        }

        /**
         * Looks up an augmentation by its option name.
         *
         * @throws IllegalArgumentException naming the valid names
         */
        public static Augmentation of(String key) {
            for (Augmentation augmentation : values()) {
                if (augmentation.key().equals(key)) {
                    return augmentation;
                }
            }
            throw new IllegalArgumentException("unknown augmentation '" + key
                    + "'; valid ones are " + keys());
        }

        /** Returns whether images are shifted. */
        public boolean shifts() {
            return this == SHIFT || this == BOTH;
        }

        /** Returns whether images are mirrored. */
        public boolean flips() {
            return this == FLIP || this == BOTH;
        }
    }
}
