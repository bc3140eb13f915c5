package io.archforge.predictor;

/** The standard normal distribution: density, distribution function and its inverse. */
public final class Gaussian {

    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    private Gaussian() {
    }

    /** The standard normal density at {@code z}. */
    public static double pdf(double z) {
        return Math.exp(-0.5 * z * z) / SQRT_2PI;
    }

    /**
     * The standard normal distribution function, from the approximation 7.1.26 of the
     * error function in Abramowitz and Stegun, "Handbook of Mathematical Functions"
     * (1964), absolute error below 1.5e-7.
     */
    public static double cdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double polynomial = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741
                + t * (-1.453152027 + t * 1.061405429))));
        double erf = 1 - polynomial * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    /**
     * The quantile function, the inverse of the distribution function: P. J. Acklam's
     * rational approximation, relative error below 1.2e-9. It is not refined with
     * {@link #cdf}, whose absolute error of 1.5e-7 would spoil the tails.
     *
     * @throws IllegalArgumentException unless {@code 0 < p < 1}
     */
    public static double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("quantile needs a probability in (0, 1), got " + p);
        }
        double low = 0.02425;
        if (p < low) {
            return tail(Math.sqrt(-2 * Math.log(p)));
        }
        if (p > 1 - low) {
            return -tail(Math.sqrt(-2 * Math.log(1 - p)));
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r
                    - 2.759285104469687e+02) * r + 1.383577518672690e+02) * r
                    - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
                    / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r
                    - 1.556989798598866e+02) * r + 6.680131188771972e+01) * r
                    - 1.328068155288572e+01) * r + 1);
    }

    private static double tail(double q) {
        return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q
                - 2.400758277161838e+00) * q - 2.549732539343734e+00) * q
                + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q
                + 2.445134137142996e+00) * q + 3.754408661907416e+00) * q + 1);
    }
}
