package io.archforge.strategy;

import io.archforge.encoding.Encoder;
import io.archforge.predictor.EncodedPredictor;
import io.archforge.predictor.Predictor;
import io.archforge.predictor.Predictors;
import io.archforge.predictor.surrogate.GaussianProcess;
import io.archforge.space.Architecture;
import io.archforge.space.SearchSpace;
import io.archforge.strategy.bo.BayesianStrategy;
import io.archforge.strategy.bo.CandidatePool;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * NPENAS, from Wei, Niu, Tang, Wang, Hu and Liang, "NPENAS: Neural Predictor Guided
 * Evolution for Neural Architecture Search" (IEEE TNNLS 2022): evolution whose
 * offspring are chosen by a performance predictor before any of them is evaluated.
 *
 * <p>After {@code initial_random} random trials, each proposal takes the best trials as
 * parents, best first, and fills a pool of {@code candidates} unevaluated children:
 * up to {@code candidates} mutations are drawn from each parent in turn until the pool
 * is full, so most children come from the best few parents. The predictor, fitted to
 * the evaluated trials, scores the children with the acquisition function, and the
 * best child is proposed. The paper's NPENAS-BO samples each child's predictive
 * normal distribution once (Thompson sampling, the default) and NPENAS-NP ranks by
 * the predicted mean ({@code acquisition=mean}).
 *
 * <p>Differences from the paper: each proposal is one architecture, where the paper
 * evaluates the 10 best children per fitted predictor, so the predictor is refitted on
 * every result before the next choice. The default predictor is a Gaussian process on the
 * one-hot encoding, where the paper trains a graph network that outputs a mean and a
 * standard deviation; {@code predictor=NAME} chooses another, as for the Bayesian
 * strategies.
 *
 * <p>Exploration: while the search stalls, each child gets {@code 1 + level}
 * successive one-choice mutations, and a
 * positive {@code random_share} adds random candidates as in {@link BayesianStrategy}.
 * Each proposal stores the level and any change of it.
 */
public final class Npenas extends BayesianStrategy {

    /** The strategy name. */
    public static final String NAME = "npenas";

    private final NpenasOptions options;

    public Npenas(NpenasOptions options) {
        super(Objects.requireNonNull(options, "options").search());
        this.options = options;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The settings. */
    public NpenasOptions options() {
        return options;
    }

    @Override
    protected Predictor newPredictor(SearchSpace space, Encoder encoder,
            RandomGenerator random) {
        return EncodedPredictor.drawingFrom(Predictors.GP, space, encoder,
                generator -> new GaussianProcess(), 1, random);
    }

    @Override
    protected int maxTrainingSize() {
        return options.maxHistory();
    }

    /** Children of the parents in rank order until the pool is full, then random draws. */
    @Override
    protected List<Architecture> candidates(AskContext context, List<Architecture> parents,
            int level) {
        int randomCount = randomCandidates(level);
        int childCount = search().candidates() - randomCount;

        CandidatePool pool = new CandidatePool(context);
        for (Architecture parent : parents) {
            for (int draw = 0; draw < search().candidates() && pool.size() < childCount;
                    draw++) {
                pool.add(child(context, parent, level));
            }
        }
        addRandom(context, randomCount, pool);
        return pool.architectures();
    }

    private static Architecture child(AskContext context, Architecture parent, int level) {
        Architecture child = context.space().mutate(parent, context.random());
        for (int extra = 0; extra < level; extra++) {
            child = context.space().mutate(child, context.random());
        }
        return child;
    }
}
