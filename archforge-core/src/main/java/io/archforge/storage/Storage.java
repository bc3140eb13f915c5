package io.archforge.storage;

import io.archforge.study.FrozenTrial;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Durable studies and trials.
 *
 * <p>Every method is atomic: a process killed at any moment leaves each trial either
 * as it was before the call or as the call left it. Implementations are
 * thread-safe, and the SQL ones are safe for several processes sharing one store.
 */
public interface Storage extends AutoCloseable {

    /**
     * Creates a study.
     *
     * @throws StorageException when a study of that name exists or the store cannot be written
     */
    void createStudy(StudyConfig config);

    /** The stored configuration of study {@code name}, or empty when there is none. */
    Optional<StudyConfig> loadStudy(String name);

    /** Summaries of every study, ordered by name. */
    List<StudySummary> listStudies();

    /**
     * Creates a RUNNING trial with the next free number of the study (0 for the first).
     *
     * @return the new trial's number
     */
    int createTrial(String study, String architecture, long seed, Map<String, String> attributes);

    /** Appends an intermediate value to a RUNNING trial. */
    void reportIntermediate(String study, int number, int step, String metric, double value);

    /**
     * Ends a trial: sets its final state, metrics and attributes, and its error when failed.
     * A trial already marked {@link TrialState#STALE} keeps that state, but its late
     * metrics are recorded in its attributes, so no result is lost.
     *
     * @throws IllegalArgumentException when {@code state} is RUNNING or STALE
     */
    void finishTrial(String study, int number, TrialState state, Map<String, Double> metrics,
            Map<String, String> attributes, Optional<String> error);

    /** Marks every RUNNING trial of the study STALE and returns how many it marked. */
    int markRunningStale(String study);

    /** Marks one trial STALE when it is RUNNING; does nothing otherwise. */
    void markStale(String study, int number);

    /** All trials of the study, ordered by number. */
    List<FrozenTrial> trials(String study);

    /** One trial, or empty when there is no such trial. */
    Optional<FrozenTrial> trial(String study, int number);

    /** A human-readable description of where the data lives, such as a file path. */
    String location();

    @Override
    void close();
}
