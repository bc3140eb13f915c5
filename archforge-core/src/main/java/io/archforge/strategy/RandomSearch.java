package io.archforge.strategy;

import io.archforge.space.Architecture;
import io.archforge.study.FrozenTrial;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uniform random search, the baseline that Li and Talwalkar (2019) found hard to
 * beat. It draws until it finds an architecture whose isomorphism class was not
 * evaluated yet; after {@value #MAX_DRAWS} draws it accepts a repeat and logs a
 * warning, which happens once nearly every class of a space has been evaluated.
 * It keeps no state, so {@link #tell} does nothing.
 */
public final class RandomSearch implements Strategy {

    /** The strategy name. */
    public static final String NAME = "random";

    /** Draws per proposal before a repeat is accepted. */
    static final int MAX_DRAWS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(RandomSearch.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Architecture ask(AskContext context) {
        return drawUnseen(context, MAX_DRAWS);
    }

    /**
     * Draws up to {@code maxDraws} architectures and returns the first not evaluated
     * yet, or the last draw, with a warning, when all were evaluated.
     */
    static Architecture drawUnseen(AskContext context, int maxDraws) {
        Architecture candidate = context.space().sample(context.random());
        for (int draw = 1; draw < maxDraws && context.isEvaluated(candidate); draw++) {
            candidate = context.space().sample(context.random());
        }
        if (context.isEvaluated(candidate)) {
            LOG.warn("Trial {}: {} random draws found only evaluated architectures; "
                    + "evaluating {} again", context.trialNumber(), maxDraws, candidate.text());
        }
        return candidate;
    }

    @Override
    public void tell(FrozenTrial trial) {
        // Random search learns nothing from results.
    }
}
