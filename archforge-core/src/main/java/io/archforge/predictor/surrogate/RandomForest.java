package io.archforge.predictor.surrogate;

import io.archforge.predictor.Prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A random forest for regression (Breiman, "Random Forests", Machine Learning 45(1),
 * 2001): regression trees, each grown on a bootstrap sample of the training set and
 * choosing every split among a random subset of the features. The prediction is the
 * mean over the trees, and its uncertainty the standard deviation of the tree
 * predictions.
 *
 * <p>The spread across trees is 0 where every tree predicts the same value, for
 * example where all nearby training targets are equal. The reported standard
 * deviation is therefore never below {@value #MIN_RELATIVE_STD} times the standard
 * deviation of the training targets (or times 1 when those are all equal), so that
 * acquisition functions that divide by it stay finite. The floor is a numerical
 * guard, not a calibrated uncertainty.
 *
 * <p>All random draws come from the generator given to the constructor, so fitting a
 * new instance with an identically seeded generator to the same data replays the fit
 * exactly. A second fit of the same instance continues the generator and so grows
 * different trees. Instances are not thread-safe.
 */
public final class RandomForest implements Surrogate {

    /** The least reported standard deviation, relative to the targets' spread. */
    public static final double MIN_RELATIVE_STD = 1e-6;

    /**
     * Forest settings.
     *
     * @param trees the number of trees, at least 2 so the spread is defined
     * @param minLeafSize the minimum number of bootstrap rows in a leaf, at least 1. A
     *     row drawn twice counts twice.
     * @param featuresPerSplit the number of features drawn as split candidates at each
     *     node, at least 1, or {@link #THIRD_OF_FEATURES}; values above the number of
     *     features mean all of them
     * @param maxDepth the most splits from the root to a leaf, at least 1, or
     *     {@link #UNLIMITED_DEPTH}
     */
    public record Settings(int trees, int minLeafSize, int featuresPerSplit, int maxDepth) {

        /**
         * The {@code featuresPerSplit} value for a third of the features, rounded down
         * and at least 1: the regression default {@code mtry} of the R package
         * randomForest (Liaw and Wiener).
         */
        public static final int THIRD_OF_FEATURES = 0;

        /** The {@code maxDepth} value that sets no depth limit. */
        public static final int UNLIMITED_DEPTH = Integer.MAX_VALUE;

        /**
         * 100 trees grown to full size (leaves of 1 row and no depth limit) with a third
         * of the features per split.
         *
         * <p>NOTE: leaves of 1 row rather than the regression default of 5 in the R
         * package randomForest rest on one comparison. Fitted to the CIFAR-10
         * accuracies of 100 and 205 random NAS-Bench-201 cells, they ranked held-out
         * cells better (mean Spearman 0.64 against 0.59 at 100 cells on the adjacency
         * encoding, over 5 samples).
         */
        public static final Settings DEFAULT =
                new Settings(100, 1, THIRD_OF_FEATURES, UNLIMITED_DEPTH);

        public Settings {
            require("trees", trees, 2);
            require("minLeafSize", minLeafSize, 1);
            require("featuresPerSplit", featuresPerSplit, THIRD_OF_FEATURES);
            require("maxDepth", maxDepth, 1);
        }

        private static void require(String name, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(
                        "random forest " + name + " must be at least " + min + ", got " + value);
            }
        }

        /** Returns the number of split candidates at each node for {@code features}. */
        public int splitCandidates(int features) {
            if (featuresPerSplit == THIRD_OF_FEATURES) {
                return Math.max(1, features / 3);
            }
            return Math.min(featuresPerSplit, features);
        }
    }

    private final Settings settings;
    private final RandomGenerator random;
    private List<RegressionTree> trees = List.of();
    private int featureCount;
    private double minStd;

    /**
     * Creates an unfitted forest.
     *
     * @param settings the forest settings
     * @param random the source of the bootstrap samples and the feature subsets
     */
    public RandomForest(Settings settings, RandomGenerator random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException also when a feature is NaN or infinite
     */
    @Override
    public void fit(List<double[]> inputs, double[] targets) {
        Surrogate.checkTrainingSet(inputs, targets);
        checkFeatures(inputs);
        TreeGrower grower = new TreeGrower(inputs, targets, settings, random);
        List<RegressionTree> grown = new ArrayList<>(settings.trees());
        for (int t = 0; t < settings.trees(); t++) {
            grown.add(grower.grow());
        }
        trees = List.copyOf(grown);
        featureCount = inputs.get(0).length;
        minStd = MIN_RELATIVE_STD * spread(targets);
    }

    private static void checkFeatures(List<double[]> inputs) {
        for (int i = 0; i < inputs.size(); i++) {
            double[] input = inputs.get(i);
            for (int f = 0; f < input.length; f++) {
                if (!Double.isFinite(input[f])) {
                    throw new IllegalArgumentException("input " + i + " has feature " + f
                            + " = " + input[f] + "; random forest features must be finite");
                }
            }
        }
    }

    /** Computes the standard deviation of {@code targets}, or 1 when they are all equal. */
    private static double spread(double[] targets) {
        double sum = 0;
        for (double target : targets) {
            sum += target;
        }
        double mean = sum / targets.length;
        double squares = 0;
        for (double target : targets) {
            squares += (target - mean) * (target - mean);
        }
        double std = Math.sqrt(squares / targets.length);
        return std > 0 ? std : 1;
    }

    /** Returns the fitted trees, none before the first fit. */
    List<RegressionTree> trees() {
        return trees;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when {@code input} has another length than the
     *     training inputs
     */
    @Override
    public Prediction predict(double[] input) {
        if (trees.isEmpty()) {
            throw new IllegalStateException("random forest is not fitted; call fit first");
        }
        if (input.length != featureCount) {
            throw new IllegalArgumentException("input has " + input.length
                    + " features, but the forest was fitted on " + featureCount);
        }
        double[] outputs = new double[trees.size()];
        double sum = 0;
        for (int t = 0; t < outputs.length; t++) {
            outputs[t] = trees.get(t).predict(input);
            sum += outputs[t];
        }
        double mean = sum / outputs.length;
        double squares = 0;
        for (double output : outputs) {
            squares += (output - mean) * (output - mean);
        }
        double std = Math.sqrt(squares / (outputs.length - 1));
        return new Prediction(mean, Math.max(std, minStd));
    }
}
