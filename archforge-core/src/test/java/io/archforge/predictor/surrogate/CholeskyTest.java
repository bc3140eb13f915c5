package io.archforge.predictor.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CholeskyTest {

    // A = L L^T with L = [[2, 0, 0], [6, 1, 0], [-8, 5, 3]].
    private static final double[][] MATRIX = {
        {4, 12, -16},
        {12, 37, -43},
        {-16, -43, 98}};

    @Test
    void factorMatchesKnownMatrix() {
        Cholesky cholesky = Cholesky.of(MATRIX);
        double[][] expected = {{2, 0, 0}, {6, 1, 0}, {-8, 5, 3}};

        for (int i = 0; i < 3; i++) {
            for (int j = 0; j <= i; j++) {
                assertThat(cholesky.lower(i, j)).as("L[%d][%d]", i, j)
                        .isCloseTo(expected[i][j], within(1e-12));
            }
        }
        assertThat(cholesky.jitter()).isZero();
    }

    @Test
    void solveInvertsMatrix() {
        double[] x = {1, -2, 0.5};
        double[] b = multiply(MATRIX, x);

        double[] solved = Cholesky.of(MATRIX).solve(b);

        for (int i = 0; i < 3; i++) {
            assertThat(solved[i]).isCloseTo(x[i], within(1e-9));
        }
    }

    @Test
    void logDeterminantOfKnownMatrix() {
        // det A = (2 * 1 * 3)^2 = 36.
        assertThat(Cholesky.of(MATRIX).logDeterminant()).isCloseTo(Math.log(36), within(1e-12));
    }

    @Test
    void singularMatrixNeedsJitter() {
        double[][] singular = {{1, 1}, {1, 1}};

        assertThatThrownBy(() -> Cholesky.of(singular))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("withJitter");
        Cholesky jittered = Cholesky.withJitter(singular);
        assertThat(jittered.jitter()).isPositive().isLessThan(1e-3);
    }

    @Test
    void negativeMatrixFailsEvenWithJitter() {
        double[][] negative = {{-1, 0}, {0, -1}};

        assertThatThrownBy(() -> Cholesky.withJitter(negative))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not positive definite");
    }

    private static double[] multiply(double[][] matrix, double[] x) {
        double[] result = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                result[i] += matrix[i][j] * x[j];
            }
        }
        return result;
    }
}
