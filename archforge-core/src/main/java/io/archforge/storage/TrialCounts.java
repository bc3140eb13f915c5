package io.archforge.storage;

/**
 * Trial counts of one study.
 *
 * @param nextNumber the number the next created trial gets, 0 for an empty study
 * @param finished trials that are COMPLETE, PRUNED or FAILED
 */
public record TrialCounts(int nextNumber, int finished) {
}
