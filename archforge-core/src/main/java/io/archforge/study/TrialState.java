package io.archforge.study;

/** The life cycle of a trial. Only {@link #RUNNING} trials change state. */
public enum TrialState {
    /** Claimed by a worker and being evaluated. */
    RUNNING,
    /** Evaluated; its metrics are final. */
    COMPLETE,
    /** Stopped early by a scheduler; its intermediate values are kept. */
    PRUNED,
    /** The evaluation raised an error, stored with the trial. */
    FAILED,
    /** Its worker died or the run was killed; the architecture is evaluated again under a new number. */
    STALE,
    /**
     * Never evaluated, because a candidate pruner predicted that it would not improve on
     * the study's results. It counts towards no trial budget and is not passed to the
     * strategy, and its architecture is not proposed again.
     */
    SKIPPED;

    /** Returns whether the trial has ended and counts towards a trial budget. */
    public boolean isFinished() {
        return this == COMPLETE || this == PRUNED || this == FAILED;
    }

    /**
     * Returns whether a running trial may end in this state through
     * {@code Storage.finishTrial}: a finished state or {@link #SKIPPED}.
     */
    public boolean isOutcome() {
        return isFinished() || this == SKIPPED;
    }
}
