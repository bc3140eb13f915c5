package io.archforge.strategy.bo;

import io.archforge.predictor.Prediction;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Acquisition functions that score a prediction for maximisation: a higher score
 * makes an architecture a better next trial. The incumbent is the best value
 * observed so far.
 */
public enum Acquisition {

    /**
     * Expected improvement over the incumbent plus a margin {@code xi} (Jones, Schonlau
     * and Welch, 1998).
     */
    EI,
    /**
     * Upper confidence bound {@code mean + beta * std} (Srinivas et al., GP-UCB, 2010).
     */
    UCB,
    /**
     * Independent Thompson sampling: one draw from each candidate's normal posterior,
     * as BANANAS does (White, Neiswanger and Savani, 2021).
     */
    TS;

    /** The option value: {@code ei}, {@code ucb} or {@code ts}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code ei}, {@code ucb} or {@code ts}, ignoring case.
     *
     * @throws IllegalArgumentException naming the value and the valid ones
     */
    public static Acquisition parse(String value) {
        for (Acquisition acquisition : values()) {
            if (acquisition.key().equalsIgnoreCase(value.strip())) {
                return acquisition;
            }
        }
        throw new IllegalArgumentException("unknown acquisition '" + value
                + "'; valid values are ei, ucb and ts");
    }

    /**
     * Scores one prediction.
     *
     * @param prediction the surrogate's mean and std
     * @param incumbent the best observed value
     * @param beta the UCB weight of the std
     * @param xi the EI margin, in the objective's unit
     * @param random the generator Thompson sampling draws from; the other functions
     *     draw nothing
     */
    public double score(Prediction prediction, double incumbent, double beta, double xi,
            RandomGenerator random) {
        return switch (this) {
            case EI -> expectedImprovement(prediction, incumbent + xi);
            case UCB -> prediction.mean() + beta * prediction.std();
            case TS -> prediction.mean() + prediction.std() * random.nextGaussian();
        };
    }

    static double expectedImprovement(Prediction prediction, double threshold) {
        double gain = prediction.mean() - threshold;
        if (prediction.std() <= 0) {
            return Math.max(gain, 0);
        }
        double z = gain / prediction.std();
        return gain * normalCdf(z) + prediction.std() * normalPdf(z);
    }

    static double normalPdf(double z) {
        return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    }

    /**
     * The standard normal distribution function, from the erf approximation 7.1.26 of
     * Abramowitz and Stegun (1964), absolute error below 1.5e-7.
     */
    static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736
                + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double erf = 1 - poly * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
