package io.archforge.schedule;

import java.util.OptionalDouble;

/**
 * BOHB (Falkner, Klein and Hutter, "BOHB: Robust and Efficient Hyperparameter
 * Optimization at Scale", ICML 2018): the brackets of {@link Hyperband}, with new
 * architectures proposed by a tree-structured Parzen estimator fitted to the highest
 * fidelity that has enough results ({@link io.archforge.strategy.Tpe}). This class
 * schedules; {@link Schedulers#strategyFor} names the strategy it needs.
 *
 * @param eta the reduction factor, at least 2
 * @param minFidelity the lowest rung's fidelity value, or empty for the evaluator's minimum
 */
public record Bohb(double eta, OptionalDouble minFidelity) implements RungScheduler {

    /** The scheduler name. */
    public static final String NAME = "bohb";

    public Bohb {
        SchedulerOptions.checkEta(eta);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Job next(RungState state) {
        return new Hyperband(eta, minFidelity).next(state);
    }
}
