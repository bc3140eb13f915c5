package io.archforge.latency;

/**
 * Non-negative least squares by projected coordinate descent on the normal equations:
 * it minimises {@code 0.5 x'Gx - c'x} subject to {@code x >= 0}, which for
 * {@code G = A'A} and {@code c = A'b} is {@code min |Ax - b|^2} over non-negative
 * {@code x}. Each step sets one coordinate to its constrained optimum with the others
 * fixed, so the objective never rises; it stops when the projected gradient is below
 * the tolerance or after {@code maxSweeps} passes over the coordinates.
 *
 * <p>A ridge term {@code lambda |x|^2} on some coordinates is added to {@code G}'s
 * diagonal by the caller. Where {@code G} is singular the minimiser is not unique, and
 * the method returns one of them.
 */
public final class Nnls {

    /** Passes over the coordinates before {@link #solve} gives up converging. */
    public static final int MAX_SWEEPS = 5_000;

    private Nnls() {
    }

    /**
     * Solves {@code min |Ax - b|^2} over {@code x >= 0}.
     *
     * @param a the design matrix, one row per observation
     * @param b the targets, one per row
     * @param tolerance the largest projected gradient accepted, relative to {@code |A'b|}
     */
    public static double[] solve(double[][] a, double[] b, double tolerance) {
        return solveNormal(gram(a), transposeTimes(a, b), tolerance, MAX_SWEEPS);
    }

    /**
     * Minimises {@code 0.5 x'Gx - c'x} over {@code x >= 0}.
     *
     * @param gram the symmetric positive semi-definite matrix {@code G}
     * @param linear the vector {@code c}
     * @param tolerance the largest projected gradient accepted, relative to {@code |c|}
     * @param maxSweeps the most passes over the coordinates
     * @throws IllegalArgumentException when the shapes disagree or a diagonal entry is
     *     negative
     */
    public static double[] solveNormal(double[][] gram, double[] linear, double tolerance,
            int maxSweeps) {
        int n = linear.length;
        checkShape(gram, n);
        double scale = 0;
        for (double value : linear) {
            scale = Math.max(scale, Math.abs(value));
        }
        double threshold = tolerance * Math.max(scale, Double.MIN_NORMAL);
        double[] x = new double[n];
        // gradient = G x - c, kept up to date as coordinates move.
        double[] gradient = new double[n];
        for (int j = 0; j < n; j++) {
            gradient[j] = -linear[j];
        }
        for (int sweep = 0; sweep < maxSweeps; sweep++) {
            for (int j = 0; j < n; j++) {
                if (gram[j][j] <= 0) {
                    continue;
                }
                double next = Math.max(0, x[j] - gradient[j] / gram[j][j]);
                double step = next - x[j];
                if (step != 0) {
                    x[j] = next;
                    double[] column = gram[j];
                    for (int i = 0; i < n; i++) {
                        gradient[i] += step * column[i];
                    }
                }
            }
            if (projectedGradient(x, gradient, gram) <= threshold) {
                break;
            }
        }
        return x;
    }

    /** Returns the largest violation of the optimality conditions at {@code x}. */
    private static double projectedGradient(double[] x, double[] gradient, double[][] gram) {
        double worst = 0;
        for (int j = 0; j < x.length; j++) {
            if (gram[j][j] <= 0) {
                continue;
            }
            double violation = x[j] > 0 ? Math.abs(gradient[j]) : Math.max(0, -gradient[j]);
            worst = Math.max(worst, violation);
        }
        return worst;
    }

    /** Returns {@code A'A}. */
    static double[][] gram(double[][] a) {
        int n = a.length == 0 ? 0 : a[0].length;
        double[][] gram = new double[n][n];
        for (double[] row : a) {
            if (row.length != n) {
                throw new IllegalArgumentException("design rows have " + row.length + " and "
                        + n + " columns; all rows need the same length");
            }
            for (int i = 0; i < n; i++) {
                if (row[i] == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    gram[i][j] += row[i] * row[j];
                }
            }
        }
        return gram;
    }

    /** Returns {@code A'b}. */
    static double[] transposeTimes(double[][] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("design has " + a.length + " rows but there are "
                    + b.length + " targets");
        }
        int n = a.length == 0 ? 0 : a[0].length;
        double[] product = new double[n];
        for (int r = 0; r < a.length; r++) {
            for (int i = 0; i < n; i++) {
                product[i] += a[r][i] * b[r];
            }
        }
        return product;
    }

    private static void checkShape(double[][] gram, int n) {
        if (gram.length != n) {
            throw new IllegalArgumentException("G has " + gram.length + " rows but c has " + n
                    + " entries");
        }
        for (int j = 0; j < n; j++) {
            if (gram[j].length != n) {
                throw new IllegalArgumentException("G row " + j + " has " + gram[j].length
                        + " entries; expected " + n);
            }
            if (gram[j][j] < 0) {
                throw new IllegalArgumentException("G[" + j + "][" + j + "] is " + gram[j][j]
                        + "; a Gram matrix has a non-negative diagonal");
            }
        }
    }
}
