package io.archforge.predictor.surrogate;

import io.archforge.predictor.Prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The BANANAS predictor (White, Neiswanger and Savani, AAAI 2021): an ensemble of
 * small ReLU networks trained independently from different initial weights and
 * batch orders. The prediction is the members' mean, and its uncertainty the
 * standard deviation across members.
 *
 * <p>Targets are standardised before training and predictions mapped back, so the
 * learning rate suits any unit. All random draws come from the generator given to
 * the constructor, so a fit is reproducible from its seed.
 */
public final class MlpEnsemble implements Surrogate {

    /**
     * Network settings.
     *
     * @param members the number of networks, at least 2 so the spread is defined
     * @param hiddenLayers the number of hidden layers, at least 1
     * @param hiddenWidth the units of each hidden layer, at least 1
     * @param epochs passes over the training set per fit, at least 1
     * @param batchSize the minibatch size, at least 1
     * @param learningRate the Adam step size, positive
     * @param maxSteps the most Adam steps per network and fit, at least 1; it caps the
     *     epochs on large training sets so the cost of a fit stops growing with them
     */
    public record Settings(int members, int hiddenLayers, int hiddenWidth, int epochs,
            int batchSize, double learningRate, int maxSteps) {

        public Settings {
            require("members", members, 2);
            require("hiddenLayers", hiddenLayers, 1);
            require("hiddenWidth", hiddenWidth, 1);
            require("epochs", epochs, 1);
            require("batchSize", batchSize, 1);
            require("maxSteps", maxSteps, 1);
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException(
                        "ensemble learningRate must be positive, got " + learningRate);
            }
        }

        private static void require(String name, int value, int min) {
            if (value < min) {
                throw new IllegalArgumentException(
                        "ensemble " + name + " must be at least " + min + ", got " + value);
            }
        }
    }

    private final Settings settings;
    private final RandomGenerator random;
    private final List<Mlp> networks = new ArrayList<>();
    private double targetMean;
    private double targetScale = 1;

    public MlpEnsemble(Settings settings, RandomGenerator random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public void fit(List<double[]> inputs, double[] targets) {
        Surrogate.checkTrainingSet(inputs, targets);
        double[] standardised = standardise(targets);
        int[] widths = new int[settings.hiddenLayers() + 2];
        widths[0] = inputs.get(0).length;
        for (int l = 1; l <= settings.hiddenLayers(); l++) {
            widths[l] = settings.hiddenWidth();
        }
        widths[widths.length - 1] = 1;
        networks.clear();
        for (int m = 0; m < settings.members(); m++) {
            Mlp network = new Mlp(widths, random);
            network.train(inputs, standardised, settings.epochs(), settings.maxSteps(),
                    settings.batchSize(), settings.learningRate(), random);
            networks.add(network);
        }
    }

    private double[] standardise(double[] targets) {
        double sum = 0;
        for (double target : targets) {
            sum += target;
        }
        targetMean = sum / targets.length;
        double squares = 0;
        for (double target : targets) {
            squares += (target - targetMean) * (target - targetMean);
        }
        double std = Math.sqrt(squares / targets.length);
        targetScale = std > 0 ? std : 1;
        double[] standardised = new double[targets.length];
        for (int i = 0; i < targets.length; i++) {
            standardised[i] = (targets[i] - targetMean) / targetScale;
        }
        return standardised;
    }

    @Override
    public Prediction predict(double[] input) {
        if (networks.isEmpty()) {
            throw new IllegalStateException("ensemble is not fitted; call fit first");
        }
        double[] outputs = new double[networks.size()];
        double sum = 0;
        for (int m = 0; m < outputs.length; m++) {
            outputs[m] = networks.get(m).predict(input);
            sum += outputs[m];
        }
        double mean = sum / outputs.length;
        double squares = 0;
        for (double output : outputs) {
            squares += (output - mean) * (output - mean);
        }
        double std = Math.sqrt(squares / (outputs.length - 1));
        return new Prediction(targetMean + targetScale * mean, targetScale * std);
    }
}
