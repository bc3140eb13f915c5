package io.archforge.schedule;

import io.archforge.fidelity.FidelityKind;
import java.util.Objects;
import java.util.Optional;
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
 * @param kind the fidelity to vary, or empty for the evaluator's own
 */
public record Bohb(double eta, OptionalDouble minFidelity, Optional<FidelityKind> kind)
        implements RungScheduler {

    /** The scheduler name. */
    public static final String NAME = "bohb";

    public Bohb {
        SchedulerOptions.checkEta(eta);
        Objects.requireNonNull(kind, "kind");
    }

    /** A scheduler that varies the evaluator's own fidelity. */
    public Bohb(double eta, OptionalDouble minFidelity) {
        this(eta, minFidelity, Optional.empty());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Job next(RungState state) {
        return new Hyperband(eta, minFidelity, kind).next(state);
    }
}
