package io.archforge.predictor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussianTest {

    @Test
    void quantileMatchesTabulatedValues() {
        assertThat(Gaussian.quantile(0.5)).isCloseTo(0, within(1e-9));
        assertThat(Gaussian.quantile(0.975)).isCloseTo(1.959963985, within(1e-8));
        assertThat(Gaussian.quantile(0.001)).isCloseTo(-3.090232306, within(1e-8));
        assertThat(Gaussian.quantile(1e-9)).isCloseTo(-5.997807015, within(1e-7));
    }

    @Test
    void quantileInvertsDistributionFunction() {
        // The distribution function's absolute error of 1.5e-7 is a relative error of
        // 0.5% at z = -4, which moves the inverse by about 1e-4 there.
        for (double z = -4; z <= 4; z += 0.25) {
            assertThat(Gaussian.quantile(Gaussian.cdf(z))).as("z = %s", z)
                    .isCloseTo(z, within(Math.abs(z) > 3 ? 5e-4 : 2e-5));
        }
    }

    @Test
    void quantileRejectsProbabilitiesOutsideOpenInterval() {
        assertThatThrownBy(() -> Gaussian.quantile(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0, 1)");
    }

    @Test
    void densityPeaksAtZero() {
        assertThat(Gaussian.pdf(0)).isCloseTo(0.3989422804, within(1e-9));
        assertThat(Gaussian.cdf(0)).isCloseTo(0.5, within(1e-9));
    }
}
