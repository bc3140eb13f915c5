package io.archforge.torch.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import org.apache.commons.math3.exception.MaxCountExceededException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * {@code jacov}: the Jacobian covariance score of Mellor, Turner, Storkey and Crowley,
 * "Neural Architecture Search without Training" (arXiv 2006.04647 v1, 2020), as
 * evaluated by Abdelfattah et al., "Zero-Cost Proxies for Lightweight NAS" (ICLR 2021).
 * Higher predicts a better network: networks whose input gradients differ between
 * images score higher.
 *
 * <p>For each image n of the batch, J_n is the gradient of the sum of its logits with
 * respect to its pixels. With C the N x N correlation matrix of the J_n and v its
 * eigenvalues, the score is {@code -sum (ln(v + k) + 1 / (v + k))} with {@code k =
 * 1e-5}. Labels are not used.
 */
public final class JacovProxy implements ZeroCostProxy {

    private static final double K = 1e-5;

    @Override
    public String name() {
        return "jacov";
    }

    @Override
    public boolean dataDependent() {
        return true;
    }

    @Override
    public double compute(ProxyInput input, NDManager manager) {
        Block network = input.network(manager);
        int size = input.batch().size();
        float[] jacobian = NetworkPasses.withGrad(true, () -> {
            NDArray images = input.batch().images(manager);
            images.setRequiresGradient(true);
            NDArray logits = NetworkPasses.forward(network, manager, images, null);
            NetworkPasses.backward(logits.sum(), false);
            try (NDArray gradient = images.getGradient()) {
                return gradient.toFloatArray();
            }
        });
        double[][] correlation = correlation(jacobian, size);
        for (double[] row : correlation) {
            for (double value : row) {
                ProxyComputationException.requireFinite(name(), input, value);
            }
        }
        double[] eigenvalues;
        try {
            eigenvalues = new EigenDecomposition(new Array2DRowRealMatrix(correlation, false))
                    .getRealEigenvalues();
        } catch (MaxCountExceededException e) {
            throw new ProxyComputationException("proxy jacov failed for "
                    + input.architecture().text() + ": the eigenvalues of the Jacobian"
                    + " correlation did not converge");
        }
        double score = 0;
        for (double v : eigenvalues) {
            score -= Math.log(v + K) + 1 / (v + K);
        }
        return ProxyComputationException.requireFinite(name(), input, score);
    }

    /**
     * Computes the Pearson correlation matrix of the rows. A constant row gives NaN
     * entries, such as the zero gradient of a cell that cuts its input off.
     */
    static double[][] correlation(float[] values, int rows) {
        int columns = values.length / rows;
        double[][] centred = new double[rows][columns];
        for (int r = 0; r < rows; r++) {
            double mean = 0;
            for (int c = 0; c < columns; c++) {
                mean += values[r * columns + c];
            }
            mean /= columns;
            double norm = 0;
            for (int c = 0; c < columns; c++) {
                double value = values[r * columns + c] - mean;
                centred[r][c] = value;
                norm += value * value;
            }
            norm = Math.sqrt(norm);
            for (int c = 0; c < columns; c++) {
                centred[r][c] /= norm;
            }
        }
        double[][] correlation = new double[rows][rows];
        for (int a = 0; a < rows; a++) {
            for (int b = a; b < rows; b++) {
                double dot = 0;
                for (int c = 0; c < columns; c++) {
                    dot += centred[a][c] * centred[b][c];
                }
                correlation[a][b] = dot;
                correlation[b][a] = dot;
            }
        }
        return correlation;
    }
}
