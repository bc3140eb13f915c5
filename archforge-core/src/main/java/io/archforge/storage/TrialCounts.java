package io.archforge.storage;

/**
 * Trial counts of one study.
 *
 * @param nextNumber the number the next created trial gets, 0 for an empty study
 * @param finished trials that are COMPLETE, PRUNED or FAILED
 * @param running trials that are RUNNING, in this process or in others
 */
public record TrialCounts(int nextNumber, int finished, int running) {

    /** Counts with no trial running. */
    public TrialCounts(int nextNumber, int finished) {
        this(nextNumber, finished, 0);
    }
}
