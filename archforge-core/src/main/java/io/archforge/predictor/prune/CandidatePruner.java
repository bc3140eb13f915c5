package io.archforge.predictor.prune;

import io.archforge.space.Architecture;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import java.util.List;

/**
 * Decides, before a proposed architecture is evaluated, whether the evaluation is worth
 * its cost. A study passes every strategy proposal to its pruner. A skipped candidate is
 * stored as a {@code SKIPPED} trial, and the strategy proposes again.
 *
 * <p>After {@link #maxSkipsInARow()} skips in a row the study stops asking and
 * evaluates the skipped candidate of that run with the highest improvement
 * probability, so the search cannot stall. Instances are not thread-safe; one study
 * calls its pruner from one thread.
 */
public interface CandidatePruner {

    /**
     * Decides about one candidate.
     *
     * @param candidate a proposed architecture that the study has not evaluated
     * @param trials every trial of the study, in number order; only complete trials at
     *     full fidelity carry objective values to learn from
     * @param objectives the study's objectives, the first one primary
     * @return whether to skip the candidate, with the predictions behind the choice
     */
    PruneDecision decide(Architecture candidate, List<FrozenTrial> trials,
            List<Objective> objectives);

    /**
     * The risk level: a candidate whose probability of improving on the study's results
     * is below it may be skipped. Between 0 and 1, both excluded.
     */
    double risk();

    /** The most candidates skipped one after another before the study evaluates one. */
    int maxSkipsInARow();
}
