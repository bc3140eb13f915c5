package io.archforge.predictor.surrogate;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A fully connected network with ReLU hidden layers and one linear output, trained
 * on squared error by minibatch Adam (Kingma and Ba, "Adam: A Method for Stochastic
 * Optimization", ICLR 2015) with the paper's default moment decays 0.9 and 0.999.
 *
 * <p>Weights start He-uniform (He et al., 2015), biases at 0. Instances are not
 * thread-safe.
 */
final class Mlp {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    /** weights[l][o][i]: from input i of layer l to its output o. */
    private final double[][][] weights;
    private final double[][] biases;
    private final double[][][] weightGrads;
    private final double[][] biasGrads;
    private final double[][][] weightMoments1;
    private final double[][][] weightMoments2;
    private final double[][] biasMoments1;
    private final double[][] biasMoments2;
    /** activations[l]: the input of layer l; the last entry is the output. */
    private final double[][] activations;
    private final double[][] deltas;
    private final int[] nonZeros;
    private int nonZeroCount;
    private long steps;

    /**
     * Creates a network of the given layer widths, input first and output (1) last.
     *
     * @throws IllegalArgumentException when fewer than two widths are given, a width is
     *     below 1, or the last width is not 1
     */
    Mlp(int[] widths, RandomGenerator random) {
        if (widths.length < 2 || widths[widths.length - 1] != 1) {
            throw new IllegalArgumentException("a network needs an input width and an output "
                    + "width of 1, got " + Arrays.toString(widths));
        }
        int layers = widths.length - 1;
        nonZeros = new int[widths[0]];
        weights = new double[layers][][];
        biases = new double[layers][];
        weightGrads = new double[layers][][];
        biasGrads = new double[layers][];
        weightMoments1 = new double[layers][][];
        weightMoments2 = new double[layers][][];
        biasMoments1 = new double[layers][];
        biasMoments2 = new double[layers][];
        activations = new double[layers + 1][];
        deltas = new double[layers + 1][];
        for (int l = 0; l <= layers; l++) {
            if (widths[l] < 1) {
                throw new IllegalArgumentException("layer width " + l + " is " + widths[l]
                        + "; widths must be at least 1");
            }
            activations[l] = new double[widths[l]];
            deltas[l] = new double[widths[l]];
        }
        for (int l = 0; l < layers; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            weights[l] = new double[out][in];
            weightGrads[l] = new double[out][in];
            weightMoments1[l] = new double[out][in];
            weightMoments2[l] = new double[out][in];
            biases[l] = new double[out];
            biasGrads[l] = new double[out];
            biasMoments1[l] = new double[out];
            biasMoments2[l] = new double[out];
            double bound = Math.sqrt(6.0 / in);
            for (double[] row : weights[l]) {
                for (int i = 0; i < in; i++) {
                    row[i] = (2 * random.nextDouble() - 1) * bound;
                }
            }
        }
    }

    /** The network's output for {@code input}. */
    double predict(double[] input) {
        return forward(input);
    }

    /**
     * Trains for {@code epochs} passes over the data in shuffled minibatches of
     * {@code batchSize}, stopping early after {@code maxSteps} Adam steps.
     */
    void train(List<double[]> inputs, double[] targets, int epochs, int maxSteps,
            int batchSize, double learningRate, RandomGenerator random) {
        int n = targets.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int stepsLeft = maxSteps;
        for (int epoch = 0; epoch < epochs && stepsLeft > 0; epoch++) {
            shuffle(order, random);
            for (int start = 0; start < n && stepsLeft > 0; start += batchSize, stepsLeft--) {
                int end = Math.min(n, start + batchSize);
                clearGradients();
                for (int b = start; b < end; b++) {
                    int sample = order[b];
                    double error = forward(inputs.get(sample)) - targets[sample];
                    backward(2 * error / (end - start));
                }
                adamStep(learningRate);
            }
        }
    }

    private double forward(double[] input) {
        System.arraycopy(input, 0, activations[0], 0, activations[0].length);
        indexNonZeros(input);
        forwardInputLayer();
        int layers = weights.length;
        for (int l = 1; l < layers; l++) {
            double[] in = activations[l];
            double[] out = activations[l + 1];
            boolean hidden = l < layers - 1;
            for (int o = 0; o < out.length; o++) {
                double[] row = weights[l][o];
                double sum = biases[l][o];
                for (int i = 0; i < in.length; i++) {
                    sum += row[i] * in[i];
                }
                out[o] = hidden && sum < 0 ? 0 : sum;
            }
        }
        return activations[layers][0];
    }

    /**
     * Records the positions of the non-zero inputs. Path and one-hot encodings are
     * sparse, so the input layer visits only these.
     */
    private void indexNonZeros(double[] input) {
        nonZeroCount = 0;
        for (int i = 0; i < input.length; i++) {
            if (input[i] != 0) {
                nonZeros[nonZeroCount++] = i;
            }
        }
    }

    private void forwardInputLayer() {
        double[] in = activations[0];
        double[] out = activations[1];
        boolean hidden = weights.length > 1;
        for (int o = 0; o < out.length; o++) {
            double[] row = weights[0][o];
            double sum = biases[0][o];
            for (int k = 0; k < nonZeroCount; k++) {
                int i = nonZeros[k];
                sum += row[i] * in[i];
            }
            out[o] = hidden && sum < 0 ? 0 : sum;
        }
    }

    /** Adds the gradients of the last forward pass, whose loss derivative is {@code outputGrad}. */
    private void backward(double outputGrad) {
        int layers = weights.length;
        deltas[layers][0] = outputGrad;
        for (int l = layers - 1; l >= 1; l--) {
            double[] in = activations[l];
            double[] delta = deltas[l + 1];
            double[] inDelta = deltas[l];
            Arrays.fill(inDelta, 0);
            for (int o = 0; o < delta.length; o++) {
                double d = delta[o];
                if (d == 0) {
                    continue;
                }
                double[] row = weights[l][o];
                double[] grad = weightGrads[l][o];
                biasGrads[l][o] += d;
                for (int i = 0; i < in.length; i++) {
                    grad[i] += d * in[i];
                    inDelta[i] += d * row[i];
                }
            }
            // ReLU passes the gradient only where its output was positive.
            for (int i = 0; i < in.length; i++) {
                if (in[i] <= 0) {
                    inDelta[i] = 0;
                }
            }
        }
        backwardInputLayer();
    }

    /** Adds the input layer's gradients, which need no gradient for the input itself. */
    private void backwardInputLayer() {
        double[] in = activations[0];
        double[] delta = deltas[1];
        for (int o = 0; o < delta.length; o++) {
            double d = delta[o];
            if (d == 0) {
                continue;
            }
            double[] grad = weightGrads[0][o];
            biasGrads[0][o] += d;
            for (int k = 0; k < nonZeroCount; k++) {
                int i = nonZeros[k];
                grad[i] += d * in[i];
            }
        }
    }

    private void clearGradients() {
        for (int l = 0; l < weights.length; l++) {
            for (double[] row : weightGrads[l]) {
                Arrays.fill(row, 0);
            }
            Arrays.fill(biasGrads[l], 0);
        }
    }

    private void adamStep(double learningRate) {
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2 = 1 - Math.pow(BETA2, steps);
        double rate = learningRate * Math.sqrt(correction2) / correction1;
        for (int l = 0; l < weights.length; l++) {
            for (int o = 0; o < weights[l].length; o++) {
                update(weights[l][o], weightGrads[l][o], weightMoments1[l][o],
                        weightMoments2[l][o], rate);
            }
            update(biases[l], biasGrads[l], biasMoments1[l], biasMoments2[l], rate);
        }
    }

    private static void update(double[] values, double[] grads, double[] m, double[] v,
            double rate) {
        for (int i = 0; i < values.length; i++) {
            double g = grads[i];
            m[i] = BETA1 * m[i] + (1 - BETA1) * g;
            v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
            values[i] -= rate * m[i] / (Math.sqrt(v[i]) + EPSILON);
        }
    }

    private static void shuffle(int[] order, RandomGenerator random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
