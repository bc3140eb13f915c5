package io.archforge.storage;

import io.archforge.study.FrozenTrial;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Durable studies and trials.
 *
 * <p>Every method is atomic: a process killed at any moment leaves each trial either
 * as it was before the call or as the call left it. Implementations are
 * thread-safe, and the SQL ones are safe for several processes sharing one store.
 *
 * <p>Reads of an unknown study or trial return empty; writes to one throw
 * {@link IllegalArgumentException}. Doubles and strings are stored exactly, instants
 * at least to the millisecond. {@code StorageContractTest} in this module's test jar
 * checks every rule stated here.
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
     * Concurrent callers get distinct numbers.
     *
     * @return the new trial's number
     * @throws IllegalArgumentException when the study does not exist
     */
    int createTrial(String study, String architecture, long seed, Map<String, String> attributes);

    /**
     * Creates a RUNNING trial as {@link #createTrial} does, unless another trial of the
     * study owns {@code claimKey} or the study already has {@code activeLimit} trials
     * that are RUNNING, COMPLETE, PRUNED or FAILED. A trial owns its key while it is
     * RUNNING, COMPLETE, PRUNED or FAILED. A STALE or SKIPPED trial releases it, so exactly
     * one of several processes that claim the key of a stale trial at once evaluates it
     * again. Checks and insert are one atomic step, also between processes sharing the
     * store, so that workers together never start more trials than a budget allows.
     *
     * @param claimKey what may be evaluated only once in the study, such as an
     *     architecture's isomorphism key with its fidelity; null to claim nothing
     * @param activeLimit the most trials the study may have running or finished, or
     *     {@link Integer#MAX_VALUE} for no limit
     * @return the new trial's number, or empty when the key is held or the limit reached
     * @throws IllegalArgumentException when the study does not exist
     */
    OptionalInt claimTrial(String study, String architecture, String claimKey, long seed,
            Map<String, String> attributes, int activeLimit);

    /**
     * Records that a RUNNING trial is still being evaluated, by the store's clock; does
     * nothing for a trial in another state. A trial's start counts as its first heartbeat.
     */
    void heartbeat(String study, int number);

    /**
     * Marks STALE every RUNNING trial of the study whose last heartbeat lies more than
     * {@code grace} in the past by the store's clock, so that its worker counts as dead
     * and another may evaluate it again.
     *
     * @return the numbers of the trials marked, in increasing order
     */
    List<Integer> markStaleWithoutHeartbeat(String study, Duration grace);

    /** The study's attributes, such as the command line that created it; empty for none. */
    Map<String, String> studyAttributes(String study);

    /**
     * Sets one attribute of a study, replacing an earlier value of that key.
     *
     * @throws IllegalArgumentException when the study does not exist
     */
    void setStudyAttribute(String study, String key, String value);

    /**
     * Stores a named binary artifact of a trial, such as its trained weights, replacing
     * an earlier one of that name.
     *
     * @throws IllegalArgumentException when the trial does not exist
     */
    void putArtifact(String study, int number, String name, byte[] content);

    /** A trial's artifact, or empty when there is none of that name. */
    Optional<byte[]> artifact(String study, int number, String name);

    /** The names of a trial's artifacts, sorted; empty for an unknown trial. */
    List<String> artifactNames(String study, int number);

    /**
     * Appends an intermediate value to a RUNNING trial; a STALE trial ignores it.
     *
     * @throws IllegalStateException when the trial is COMPLETE, PRUNED, FAILED or SKIPPED
     */
    void reportIntermediate(String study, int number, int step, String metric, double value);

    /**
     * Ends a trial: sets its final state, metrics and attributes, and its error when failed.
     * A trial already marked {@link TrialState#STALE} keeps that state, but its late
     * metrics are recorded in its attributes, so no result is lost: {@code late_state},
     * {@code late_metric.NAME} and {@code late_error} (see {@link LateResult}). The
     * given attributes are added to those the trial was created with. A trial a pruner
     * decided not to evaluate ends as {@link TrialState#SKIPPED}.
     *
     * @throws IllegalArgumentException when {@code state} is RUNNING or STALE
     * @throws IllegalStateException when the trial is already COMPLETE, PRUNED, FAILED or
     *     SKIPPED
     */
    void finishTrial(String study, int number, TrialState state, Map<String, Double> metrics,
            Map<String, String> attributes, Optional<String> error);

    /** Marks every RUNNING trial of the study STALE and returns how many it marked. */
    int markRunningStale(String study);

    /**
     * Marks one trial STALE when it is RUNNING, setting its finish time; does nothing
     * otherwise.
     */
    void markStale(String study, int number);

    /** All trials of the study, ordered by number. */
    List<FrozenTrial> trials(String study);

    /**
     * The trials of the study numbered {@code from} or above, ordered by number. Stores
     * override this with a query that reads only those; the default reads every trial.
     */
    default List<FrozenTrial> trialsFrom(String study, int from) {
        return trials(study).stream().filter(trial -> trial.number() >= from).toList();
    }

    /**
     * Counts the trials of a study without reading them: the next free number, the
     * finished trials, which leave out SKIPPED ones, and the running ones. Stores override this with a
     * single query; the default reads every trial.
     */
    default TrialCounts counts(String study) {
        List<FrozenTrial> all = trials(study);
        int next = all.isEmpty() ? 0 : all.get(all.size() - 1).number() + 1;
        int finished = (int) all.stream().filter(t -> t.state().isFinished()).count();
        int running = (int) all.stream().filter(t -> t.state() == TrialState.RUNNING).count();
        return new TrialCounts(next, finished, running);
    }

    /**
     * Counts the trials of a study in each state, every state present, zero for an
     * unknown study. Stores override this with a single query; the default reads every
     * trial.
     */
    default Map<TrialState, Integer> stateCounts(String study) {
        Map<TrialState, Integer> counts = new java.util.EnumMap<>(TrialState.class);
        for (TrialState state : TrialState.values()) {
            counts.put(state, 0);
        }
        trials(study).forEach(trial -> counts.merge(trial.state(), 1, Integer::sum));
        return counts;
    }

    /** One trial, or empty when there is no such trial. */
    Optional<FrozenTrial> trial(String study, int number);

    /** A human-readable description of where the data lives, such as a file path. */
    String location();

    @Override
    void close();
}
