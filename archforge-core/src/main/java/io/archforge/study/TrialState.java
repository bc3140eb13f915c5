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
    STALE;

    /** Returns whether the trial has ended and counts towards a trial budget. */
    public boolean isFinished() {
        return this == COMPLETE || this == PRUNED || this == FAILED;
    }
}
