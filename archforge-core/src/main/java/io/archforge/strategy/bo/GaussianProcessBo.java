package io.archforge.strategy.bo;

import io.archforge.encoding.Encoder;
import io.archforge.predictor.EncodedPredictor;
import io.archforge.predictor.Predictor;
import io.archforge.predictor.Predictors;
import io.archforge.predictor.surrogate.GaussianProcess;
import io.archforge.space.SearchSpace;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Bayesian optimisation with a {@link GaussianProcess} surrogate on the configured
 * encoding, one-hot by default, in the manner of Snoek, Larochelle and Adams,
 * "Practical Bayesian Optimization of Machine Learning Algorithms" (NeurIPS 2012),
 * with Thompson sampling by default. The process is fitted to at most
 * {@link GaussianProcessOptions#maxHistory()} of the most recent successful trials,
 * also when {@code predictor=NAME} replaces the process by another predictor.
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
    protected Predictor newPredictor(SearchSpace space, Encoder encoder,
            RandomGenerator random) {
        return gaussianProcess(space, encoder, random);
    }

    /** Creates the strategy's own model: one {@link GaussianProcess} on {@code encoder}. */
    static Predictor gaussianProcess(SearchSpace space, Encoder encoder, RandomGenerator random) {
        return EncodedPredictor.drawingFrom(Predictors.GP, space, encoder,
                generator -> new GaussianProcess(), 1, random);
    }

    @Override
    protected int maxTrainingSize() {
        return options.maxHistory();
    }
}
