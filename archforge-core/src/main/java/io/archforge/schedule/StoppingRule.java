package io.archforge.schedule;

import io.archforge.study.FrozenTrial;
import io.archforge.study.IntermediateValue;
import io.archforge.study.Objective;
import java.util.List;

/**
 * A scheduler that stops a running trial early from the intermediate values it
 * reports, such as validation accuracy after each epoch.
 */
public sealed interface StoppingRule extends Scheduler permits PercentileStopping {

    /**
     * Returns whether the trial should stop after reporting {@code step}.
     *
     * @param reported the values the trial reported so far
     * @param step the step just reported
     * @param peers the study's other finished trials
     * @param objective the objective whose metric the reports carry
     */
    boolean shouldStop(List<IntermediateValue> reported, int step, List<FrozenTrial> peers,
            Objective objective);
}
