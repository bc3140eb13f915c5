package io.archforge.strategy.bo;

import io.archforge.predictor.surrogate.Surrogate;
import io.archforge.predictor.surrogate.GaussianProcess;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Bayesian optimisation with a {@link GaussianProcess} surrogate on the path encoding
 * (one-hot outside cell spaces), in the manner of Snoek, Larochelle and Adams,
 * "Practical Bayesian Optimization of Machine Learning Algorithms" (NeurIPS 2012),
 * with Thompson sampling by default. The process is fitted to at most
 * {@link GaussianProcessOptions#maxHistory()} of the most recent successful trials.
 * {@link BayesianStrategy} describes the loop.
 */
public final class GaussianProcessBo extends BayesianStrategy {

    /** The strategy name. */
    public static final String NAME = "gp-bo";

    private final GaussianProcessOptions options;

    public GaussianProcessBo(GaussianProcessOptions options) {
        super(Objects.requireNonNull(options, "options").search());
        this.options = options;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The settings. */
    public GaussianProcessOptions options() {
        return options;
    }

    @Override
    protected Surrogate newSurrogate(RandomGenerator random) {
        return new GaussianProcess();
    }

    @Override
    protected int maxTrainingSize() {
        return options.maxHistory();
    }
}
