package io.archforge.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NnlsTest {

    @Test
    void recoversNonNegativeSolution() {
        SplittableRandom random = new SplittableRandom(1);
        double[][] a = new double[40][6];
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextDouble();
            }
        }
        double[] expected = {0.5, 0, 2.0, 0, 1.25, 3.0};
        double[] b = times(a, expected);

        double[] x = Nnls.solve(a, b, 1e-12);

        for (int j = 0; j < expected.length; j++) {
            assertThat(x[j]).as("x[%d]", j).isCloseTo(expected[j], within(1e-8));
        }
    }

    @Test
    void clampsWhereUnconstrainedOptimumIsNegative() {
        // min (x0 - 1)^2 + (x1 + 2)^2 over x >= 0 is (1, 0).
        double[][] a = {{1, 0}, {0, 1}};
        double[] b = {1, -2};

        double[] x = Nnls.solve(a, b, 1e-12);

        assertThat(x[0]).isCloseTo(1, within(1e-12));
        assertThat(x[1]).isZero();
    }

    @Test
    void solutionMeetsOptimalityConditions() {
        SplittableRandom random = new SplittableRandom(2);
        double[][] a = new double[15][10];
        double[] b = new double[15];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < 10; j++) {
                a[i][j] = random.nextDouble(-1, 1);
            }
            b[i] = random.nextDouble(-1, 1);
        }

        double[] x = Nnls.solve(a, b, 1e-12);

        double[] residual = times(a, x);
        for (int j = 0; j < 10; j++) {
            double gradient = 0;
            for (int i = 0; i < a.length; i++) {
                gradient += a[i][j] * (residual[i] - b[i]);
            }
            assertThat(x[j]).isGreaterThanOrEqualTo(0);
            if (x[j] > 0) {
                assertThat(gradient).as("gradient %d at a positive x", j)
                        .isCloseTo(0, within(1e-8));
            } else {
                assertThat(gradient).as("gradient %d at x = 0", j)
                        .isGreaterThanOrEqualTo(-1e-8);
            }
        }
    }

    private static double[] times(double[][] a, double[] x) {
        double[] product = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < x.length; j++) {
                product[i] += a[i][j] * x[j];
            }
        }
        return product;
    }
}
