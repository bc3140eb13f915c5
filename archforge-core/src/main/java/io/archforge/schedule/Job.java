package io.archforge.schedule;

import io.archforge.study.FrozenTrial;
import java.util.Objects;

/** An evaluation that a {@link RungScheduler} requests. */
public sealed interface Job {

    /** The bracket the evaluation belongs to. */
    int bracket();

    /** The rung index, which fixes the fidelity. */
    int rung();

    /** Evaluate a new architecture from the strategy at {@code rung}. */
    record Start(int bracket, int rung) implements Job {
    }

    /** Evaluate the architecture of {@code source} again, at the higher {@code rung}. */
    record Promote(FrozenTrial source, int bracket, int rung) implements Job {
        public Promote {
            Objects.requireNonNull(source, "source");
        }
    }
}
