package io.archforge.predictor.surrogate;

/**
 * The Cholesky factor {@code L} of a symmetric positive definite matrix
 * {@code A = L L^T}, with the solves a Gaussian process needs.
 *
 * <p>When the matrix is not numerically positive definite, {@link #withJitter} adds a
 * growing multiple of the identity until the factorisation succeeds.
 */
public final class Cholesky {

    /** Jitter attempts before {@link #withJitter} gives up. */
    static final int MAX_JITTER_STEPS = 10;

    private final double[][] lower;
    private final double jitter;

    private Cholesky(double[][] lower, double jitter) {
        this.lower = lower;
        this.jitter = jitter;
    }

    /**
     * Factorises {@code matrix}, which must be square and symmetric; only its lower
     * triangle is read.
     *
     * @throws IllegalArgumentException when the matrix is not square or not positive
     *     definite
     */
    public static Cholesky of(double[][] matrix) {
        double[][] lower = factor(matrix, 0);
        if (lower == null) {
            throw new IllegalArgumentException("matrix is not positive definite; "
                    + "use Cholesky.withJitter to add to its diagonal");
        }
        return new Cholesky(lower, 0);
    }

    /**
     * Factorises {@code matrix}, adding {@code 1e-10} times the mean diagonal to the
     * diagonal and then ten times more at each failure, up to {@value #MAX_JITTER_STEPS}
     * times.
     *
     * @throws IllegalArgumentException when even the largest jitter fails
     */
    public static Cholesky withJitter(double[][] matrix) {
        double[][] lower = factor(matrix, 0);
        if (lower != null) {
            return new Cholesky(lower, 0);
        }
        double scale = 0;
        for (int i = 0; i < matrix.length; i++) {
            scale += Math.abs(matrix[i][i]) / matrix.length;
        }
        double jitter = 1e-10 * Math.max(scale, 1e-300);
        for (int step = 0; step < MAX_JITTER_STEPS; step++, jitter *= 10) {
            lower = factor(matrix, jitter);
            if (lower != null) {
                return new Cholesky(lower, jitter);
            }
        }
        throw new IllegalArgumentException("matrix is not positive definite even with jitter "
                + jitter / 10 + " on the diagonal; check it for NaN or negative variances");
    }

    /** Returns the lower factor, or null when a pivot is not positive. */
    private static double[][] factor(double[][] matrix, double jitter) {
        int n = matrix.length;
        double[][] lower = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (matrix[i].length != n) {
                throw new IllegalArgumentException("matrix is not square: row " + i + " has "
                        + matrix[i].length + " entries, expected " + n);
            }
            for (int j = 0; j <= i; j++) {
                double sum = matrix[i][j] + (i == j ? jitter : 0);
                for (int k = 0; k < j; k++) {
                    sum -= lower[i][k] * lower[j][k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        return null;
                    }
                    lower[i][i] = Math.sqrt(sum);
                } else {
                    lower[i][j] = sum / lower[j][j];
                }
            }
        }
        return lower;
    }

    /** The jitter that was added to the diagonal, 0 when none was needed. */
    public double jitter() {
        return jitter;
    }

    /** Entry {@code (i, j)} of the lower factor. */
    public double lower(int i, int j) {
        return lower[i][j];
    }

    /** Solves {@code L y = b} by forward substitution. */
    public double[] solveLower(double[] b) {
        int n = lower.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            double[] row = lower[i];
            for (int k = 0; k < i; k++) {
                sum -= row[k] * y[k];
            }
            y[i] = sum / row[i];
        }
        return y;
    }

    /** Solves {@code L^T x = y} by back substitution. */
    public double[] solveUpper(double[] y) {
        int n = lower.length;
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= lower[k][i] * x[k];
            }
            x[i] = sum / lower[i][i];
        }
        return x;
    }

    /** Solves {@code A x = b}. */
    public double[] solve(double[] b) {
        return solveUpper(solveLower(b));
    }

    /** The natural logarithm of the determinant of {@code A}. */
    public double logDeterminant() {
        double sum = 0;
        for (int i = 0; i < lower.length; i++) {
            sum += Math.log(lower[i][i]);
        }
        return 2 * sum;
    }
}
