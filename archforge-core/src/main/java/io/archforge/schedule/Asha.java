package io.archforge.schedule;

import io.archforge.study.FrozenTrial;
import java.util.List;
import io.archforge.fidelity.FidelityKind;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Asynchronous successive halving (Li, Jamieson, Rostamizadeh, Gonina, Ben-tzur, Hardt,
 * Recht and Talwalkar, "A System for Massively Parallel Hyperparameter Tuning", MLSys
 * 2020): never waits for a rung to fill. Each time an evaluation is requested it looks
 * from the second-highest rung down for a finished trial in the top {@code 1 / eta} of
 * its rung that has not been promoted, and promotes it; when there is none it starts a
 * new trial at the lowest rung. All trials belong to bracket 0.
 *
 * @param eta the reduction factor, at least 2
 * @param minFidelity the lowest rung's fidelity value, or empty for the evaluator's minimum
 * @param kind the fidelity to vary, or empty for the evaluator's own
 */
public record Asha(double eta, OptionalDouble minFidelity, Optional<FidelityKind> kind)
        implements RungScheduler {

    /** The scheduler name. */
    public static final String NAME = "asha";

    public Asha {
        SchedulerOptions.checkEta(eta);
        Objects.requireNonNull(kind, "kind");
    }

    /** A scheduler that varies the evaluator's own fidelity. */
    public Asha(double eta, OptionalDouble minFidelity) {
        this(eta, minFidelity, Optional.empty());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Job next(RungState state) {
        for (int rung = state.topRung() - 1; rung >= 0; rung--) {
            List<FrozenTrial> finished = state.atRung(rung).stream()
                    .filter(t -> t.state().isFinished())
                    .toList();
            int quota = (int) Math.floor(finished.size() / eta + 1e-9);
            List<FrozenTrial> ranked = RungRanking.bestFirst(finished, state.objectives());
            for (FrozenTrial candidate : ranked.subList(0, Math.min(quota, ranked.size()))) {
                if (Brackets.hasObjectives(candidate, state) && !state.isPromoted(candidate)) {
                    return new Job.Promote(candidate, 0, rung + 1);
                }
            }
        }
        return new Job.Start(0, 0);
    }
}
