package io.archforge.predictor.surrogate;

import io.archforge.predictor.Prediction;

import java.util.List;

/**
 * Gaussian process regression (Rasmussen and Williams, "Gaussian Processes for
 * Machine Learning", 2006, algorithm 2.1) with the squared exponential kernel
 * {@code k(x, y) = exp(-|x - y|^2 / (2 l^2))} on standardised targets.
 *
 * <p>On binary encodings {@code |x - y|^2} is the Hamming distance, so the kernel is
 * also a categorical kernel there. The length scale {@code l} and the noise variance
 * are chosen from small grids by maximum log marginal likelihood, ties going to the
 * earlier grid entry. The Cholesky factor gets jitter when it needs it. Predictions
 * give the standard deviation of the latent function, without the noise.
 */
public final class GaussianProcess implements Surrogate {

    /** Length scales tried, in units of the encoding. */
    static final double[] LENGTH_SCALES = {0.5, 1, 2, 3, 5, 8};
    /** Noise variances tried, relative to the variance of the targets. */
    static final double[] NOISE_VARIANCES = {1e-6, 1e-3, 1e-2, 1e-1};

    private List<double[]> inputs;
    private Cholesky factor;
    private double[] alpha;
    private double lengthScale;
    private double noiseVariance;
    private double targetMean;
    private double targetScale;

    @Override
    public void fit(List<double[]> inputs, double[] targets) {
        Surrogate.checkTrainingSet(inputs, targets);
        this.inputs = List.copyOf(inputs);
        double[] y = standardise(targets);
        double[][] distances = squaredDistances(this.inputs);

        double bestLikelihood = Double.NEGATIVE_INFINITY;
        for (double scale : LENGTH_SCALES) {
            for (double noise : NOISE_VARIANCES) {
                Cholesky candidate = Cholesky.withJitter(covariance(distances, scale, noise));
                double[] weights = candidate.solve(y);
                double likelihood = logMarginalLikelihood(y, weights, candidate);
                if (likelihood > bestLikelihood) {
                    bestLikelihood = likelihood;
                    factor = candidate;
                    alpha = weights;
                    lengthScale = scale;
                    noiseVariance = noise;
                }
            }
        }
    }

    /** The length scale the last fit chose. */
    public double lengthScale() {
        return lengthScale;
    }

    /** The relative noise variance the last fit chose. */
    public double noiseVariance() {
        return noiseVariance;
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
        double[] y = new double[targets.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = (targets[i] - targetMean) / targetScale;
        }
        return y;
    }

    private static double[][] squaredDistances(List<double[]> inputs) {
        int n = inputs.size();
        double[][] distances = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double d = squaredDistance(inputs.get(i), inputs.get(j));
                distances[i][j] = d;
                distances[j][i] = d;
            }
        }
        return distances;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            sum += d * d;
        }
        return sum;
    }

    private static double[][] covariance(double[][] distances, double scale, double noise) {
        int n = distances.length;
        double[][] matrix = new double[n][n];
        double factor = -0.5 / (scale * scale);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                matrix[i][j] = Math.exp(factor * distances[i][j]);
            }
            matrix[i][i] += noise;
        }
        return matrix;
    }

    private static double logMarginalLikelihood(double[] y, double[] weights, Cholesky factor) {
        double fit = 0;
        for (int i = 0; i < y.length; i++) {
            fit += y[i] * weights[i];
        }
        return -0.5 * fit - 0.5 * factor.logDeterminant() - 0.5 * y.length * Math.log(2 * Math.PI);
    }

    @Override
    public Prediction predict(double[] input) {
        if (factor == null) {
            throw new IllegalStateException("Gaussian process is not fitted; call fit first");
        }
        int n = inputs.size();
        double[] kernel = new double[n];
        double scale = -0.5 / (lengthScale * lengthScale);
        double mean = 0;
        for (int i = 0; i < n; i++) {
            kernel[i] = Math.exp(scale * squaredDistance(input, inputs.get(i)));
            mean += kernel[i] * alpha[i];
        }
        double[] v = factor.solveLower(kernel);
        double variance = 1;
        for (double entry : v) {
            variance -= entry * entry;
        }
        double std = Math.sqrt(Math.max(variance, 0));
        return new Prediction(targetMean + targetScale * mean, targetScale * std);
    }
}
