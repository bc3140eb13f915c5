package io.archforge.strategy.bo;

import io.archforge.predictor.Gaussian;
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
    TS,
    /**
     * The predicted mean alone, which ranks candidates as NPENAS-NP does (Wei et al.,
     * IEEE TNNLS 2022): pure exploitation of the model.
     */
    MEAN;

    /** The option value: {@code ei}, {@code ucb}, {@code ts} or {@code mean}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code ei}, {@code ucb}, {@code ts} or {@code mean}, ignoring case.
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
                + "'; valid values are ei, ucb, ts and mean");
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
            case MEAN -> prediction.mean();
        };
    }

    static double expectedImprovement(Prediction prediction, double threshold) {
        double gain = prediction.mean() - threshold;
        if (prediction.std() <= 0) {
            return Math.max(gain, 0);
        }
        double z = gain / prediction.std();
        return gain * Gaussian.cdf(z) + prediction.std() * Gaussian.pdf(z);
    }
}
