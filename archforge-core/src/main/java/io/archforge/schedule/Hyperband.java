package io.archforge.schedule;

import io.archforge.fidelity.FidelityKind;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Hyperband (Li, Jamieson, DeSalvo, Rostamizadeh and Talwalkar, "Hyperband: A Novel
 * Bandit-Based Approach to Hyperparameter Optimization", JMLR 2018): successive-halving
 * brackets that trade the number of trials against their starting fidelity. With
 * rungs {@code 0..S}, bracket {@code b} has {@code s = S - (b mod (S + 1))}: it starts
 * {@code ceil((S + 1) / (s + 1) * eta^s)} trials at rung {@code S - s}, so the first
 * bracket screens many trials cheaply and the last evaluates a few at full fidelity.
 *
 * @param eta the reduction factor, at least 2
 * @param minFidelity the lowest rung's fidelity value, or empty for the evaluator's minimum
 * @param kind the fidelity to vary, or empty for the evaluator's own
 */
public record Hyperband(double eta, OptionalDouble minFidelity, Optional<FidelityKind> kind)
        implements RungScheduler {

    /** The scheduler name. */
    public static final String NAME = "hyperband";

    public Hyperband {
        SchedulerOptions.checkEta(eta);
        Objects.requireNonNull(kind, "kind");
    }

    /** A scheduler that varies the evaluator's own fidelity. */
    public Hyperband(double eta, OptionalDouble minFidelity) {
        this(eta, minFidelity, Optional.empty());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Job next(RungState state) {
        int last = state.lastBracket().orElse(-1);
        for (int bracket = 0; bracket <= last; bracket++) {
            Brackets.Step step = step(state, bracket);
            if (step.job().isPresent()) {
                return step.job().get();
            }
        }
        return step(state, last + 1).job().orElseThrow();
    }

    private Brackets.Step step(RungState state, int bracket) {
        int top = state.topRung();
        int s = top - Math.floorMod(bracket, top + 1);
        int size = (int) Math.ceil((top + 1) / (double) (s + 1) * Math.pow(eta, s) - 1e-9);
        return Brackets.next(state, bracket, top - s, size, eta);
    }
}
