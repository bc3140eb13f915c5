package io.archforge.schedule;

import io.archforge.fidelity.FidelityKind;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Synchronous successive halving (Jamieson and Talwalkar, "Non-stochastic Best Arm
 * Identification and Hyperparameter Optimization", AISTATS 2016; Karnin, Koren and
 * Somekh, ICML 2013): brackets of {@code bracketSize} trials start at the lowest rung,
 * and the best {@code 1 / eta} of each rung go on to the next, as {@link Brackets}
 * describes. A bracket whose rung still has running trials (in another process) waits
 * while a new bracket opens.
 *
 * @param eta the reduction factor, at least 2
 * @param minFidelity the lowest rung's fidelity value, or empty for the evaluator's minimum
 * @param bracketSize trials per bracket at the lowest rung, or 0 for {@code eta} to the
 *     power of the number of rungs above it, so that one trial reaches the top
 * @param kind the fidelity to vary, or empty for the evaluator's own
 */
public record SuccessiveHalving(double eta, OptionalDouble minFidelity, int bracketSize,
        Optional<FidelityKind> kind) implements RungScheduler {

    /** The scheduler name. */
    public static final String NAME = "sh";

    public SuccessiveHalving {
        SchedulerOptions.checkEta(eta);
        if (bracketSize < 0) {
            throw new IllegalArgumentException("sh option bracket_size must be >= 0, got " + bracketSize);
        }
        Objects.requireNonNull(kind, "kind");
    }

    /** A scheduler that varies the evaluator's own fidelity. */
    public SuccessiveHalving(double eta, OptionalDouble minFidelity, int bracketSize) {
        this(eta, minFidelity, bracketSize, Optional.empty());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Job next(RungState state) {
        int size = bracketSize > 0 ? bracketSize
                : (int) Math.ceil(Math.pow(eta, state.topRung()) - 1e-9);
        int last = state.lastBracket().orElse(-1);
        for (int bracket = 0; bracket <= last; bracket++) {
            Brackets.Step step = Brackets.next(state, bracket, 0, size, eta);
            if (step.job().isPresent()) {
                return step.job().get();
            }
        }
        return new Job.Start(last + 1, 0);
    }
}
