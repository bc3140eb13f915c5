package io.archforge.storage;

import io.archforge.study.FrozenTrial;
import io.archforge.study.IntermediateValue;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A {@link Storage} that keeps everything in memory, for tests and throw-away
 * searches. It follows the same contract as the durable stores:
 * <ul>
 *   <li>trial numbers start at 0 in each study and increase by one;</li>
 *   <li>reads of an unknown study or trial return empty, while writes to one throw
 *       {@link IllegalArgumentException};</li>
 *   <li>{@link #finishTrial} on a finished trial throws {@link IllegalStateException};
 *       on a STALE trial it keeps the state and stores the late result as attributes
 *       {@code late_state}, {@code late_metric.NAME} and {@code late_error};</li>
 *   <li>{@link #reportIntermediate} on a STALE trial is ignored, and on a finished one
 *       throws {@link IllegalStateException};</li>
 *   <li>a trial marked STALE gets its finish time then;</li>
 *   <li>every method throws {@link StorageException} once the store is closed.</li>
 * </ul>
 * Nothing survives the object. All methods are synchronized.
 */
public final class InMemoryStorage implements Storage {

    private final Clock clock;
    private final Map<String, StoredStudy> studies = new TreeMap<>();
    private boolean closed;

    /** A store that timestamps with the system clock. */
    public InMemoryStorage() {
        this(Clock.systemUTC());
    }

    /** A store that timestamps with {@code clock}. */
    public InMemoryStorage(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public synchronized void createStudy(StudyConfig config) {
        Objects.requireNonNull(config, "config");
        checkOpen();
        if (studies.containsKey(config.name())) {
            throw new StorageException("study '" + config.name()
                    + "' already exists; choose another name or open the existing study");
        }
        studies.put(config.name(), new StoredStudy(config, clock.instant()));
    }

    @Override
    public synchronized Optional<StudyConfig> loadStudy(String name) {
        checkOpen();
        return Optional.ofNullable(studies.get(name)).map(s -> s.config);
    }

    @Override
    public synchronized List<StudySummary> listStudies() {
        checkOpen();
        List<StudySummary> summaries = new ArrayList<>();
        for (StoredStudy study : studies.values()) {
            int complete = (int) study.trials.stream()
                    .filter(t -> t.state == TrialState.COMPLETE)
                    .count();
            int total = study.trials.size();
            summaries.add(new StudySummary(study.config, study.created, complete, total));
        }
        return List.copyOf(summaries);
    }

    @Override
    public synchronized int createTrial(String study, String architecture, long seed,
            Map<String, String> attributes) {
        Objects.requireNonNull(architecture, "architecture");
        StoredStudy stored = study(study);
        int number = stored.trials.size();
        Instant started = clock.instant();
        stored.trials.add(new StoredTrial(number, architecture, seed, attributes, started));
        return number;
    }

    @Override
    public synchronized OptionalInt claimTrial(String study, String architecture, String claimKey,
            long seed, Map<String, String> attributes, int activeLimit) {
        List<StoredTrial> trials = study(study).trials;
        boolean claimed = claimKey != null && trials.stream()
                .anyMatch(t -> claimKey.equals(t.claimKey) && t.state != TrialState.STALE
                        && t.state != TrialState.SKIPPED);
        long active = trials.stream()
                .filter(t -> t.state.isFinished() || t.state == TrialState.RUNNING).count();
        if (claimed || active >= activeLimit) {
            return OptionalInt.empty();
        }
        int number = createTrial(study, architecture, seed, attributes);
        trials.get(number).claimKey = claimKey;
        return OptionalInt.of(number);
    }

    @Override
    public synchronized void heartbeat(String study, int number) {
        StoredTrial trial = trialOf(study, number);
        if (trial.state == TrialState.RUNNING) {
            trial.heartbeat = clock.instant();
        }
    }

    @Override
    public synchronized List<Integer> markStaleWithoutHeartbeat(String study, Duration grace) {
        Instant limit = clock.instant().minus(grace);
        List<Integer> marked = new ArrayList<>();
        for (StoredTrial trial : study(study).trials) {
            if (trial.state == TrialState.RUNNING && trial.heartbeat.isBefore(limit)) {
                markStale(trial);
                marked.add(trial.number);
            }
        }
        return List.copyOf(marked);
    }

    @Override
    public synchronized Map<String, String> studyAttributes(String study) {
        checkOpen();
        StoredStudy stored = studies.get(study);
        return stored == null ? Map.of() : Map.copyOf(stored.attributes);
    }

    @Override
    public synchronized void setStudyAttribute(String study, String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        study(study).attributes.put(key, value);
    }

    @Override
    public synchronized void putArtifact(String study, int number, String name, byte[] content) {
        Objects.requireNonNull(name, "name");
        trialOf(study, number).artifacts.put(name, content.clone());
    }

    @Override
    public synchronized Optional<byte[]> artifact(String study, int number, String name) {
        checkOpen();
        StoredStudy stored = studies.get(study);
        if (stored == null || number < 0 || number >= stored.trials.size()) {
            return Optional.empty();
        }
        byte[] content = stored.trials.get(number).artifacts.get(name);
        return Optional.ofNullable(content).map(byte[]::clone);
    }

    @Override
    public synchronized List<String> artifactNames(String study, int number) {
        checkOpen();
        StoredStudy stored = studies.get(study);
        if (stored == null || number < 0 || number >= stored.trials.size()) {
            return List.of();
        }
        return List.copyOf(stored.trials.get(number).artifacts.keySet());
    }

    @Override
    public synchronized void reportIntermediate(String study, int number, int step, String metric,
            double value) {
        Objects.requireNonNull(metric, "metric");
        StoredTrial trial = trialOf(study, number);
        if (trial.state == TrialState.STALE) {
            return;
        }
        if (trial.state != TrialState.RUNNING) {
            throw new IllegalStateException("trial " + number + " of study '" + study + "' is "
                    + trial.state + "; intermediate values are reported only while it runs");
        }
        trial.intermediate.add(new IntermediateValue(step, metric, value));
    }

    @Override
    public synchronized void finishTrial(String study, int number, TrialState state,
            Map<String, Double> metrics, Map<String, String> attributes, Optional<String> error) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(error, "error");
        if (!state.isOutcome()) {
            throw new IllegalArgumentException("a trial cannot be finished as " + state
                    + "; use COMPLETE, PRUNED, FAILED or SKIPPED");
        }
        StoredTrial trial = trialOf(study, number);
        if (trial.state == TrialState.STALE) {
            trial.attributes.putAll(attributes);
            trial.attributes.putAll(LateResult.attributes(state, metrics, error));
            return;
        }
        if (trial.state != TrialState.RUNNING) {
            throw new IllegalStateException("trial " + number + " of study '" + study
                    + "' is already " + trial.state);
        }
        trial.state = state;
        trial.metrics.putAll(metrics);
        trial.attributes.putAll(attributes);
        trial.error = error;
        trial.finished = Optional.of(clock.instant());
    }

    @Override
    public synchronized int markRunningStale(String study) {
        StoredStudy stored = study(study);
        int marked = 0;
        for (StoredTrial trial : stored.trials) {
            if (trial.state == TrialState.RUNNING) {
                markStale(trial);
                marked++;
            }
        }
        return marked;
    }

    @Override
    public synchronized void markStale(String study, int number) {
        StoredTrial trial = trialOf(study, number);
        if (trial.state == TrialState.RUNNING) {
            markStale(trial);
        }
    }

    private void markStale(StoredTrial trial) {
        trial.state = TrialState.STALE;
        trial.finished = Optional.of(clock.instant());
    }

    @Override
    public synchronized List<FrozenTrial> trials(String study) {
        checkOpen();
        StoredStudy stored = studies.get(study);
        if (stored == null) {
            return List.of();
        }
        return stored.trials.stream().map(StoredTrial::freeze).toList();
    }

    /** Counts without copying the trials, which the skips of a pruned study make many. */
    @Override
    public synchronized TrialCounts counts(String study) {
        checkOpen();
        StoredStudy stored = studies.get(study);
        if (stored == null) {
            return new TrialCounts(0, 0);
        }
        int finished = (int) stored.trials.stream().filter(t -> t.state.isFinished()).count();
        int running = (int) stored.trials.stream()
                .filter(t -> t.state == TrialState.RUNNING).count();
        return new TrialCounts(stored.trials.size(), finished, running);
    }

    @Override
    public synchronized Optional<FrozenTrial> trial(String study, int number) {
        checkOpen();
        StoredStudy stored = studies.get(study);
        if (stored == null || number < 0 || number >= stored.trials.size()) {
            return Optional.empty();
        }
        return Optional.of(stored.trials.get(number).freeze());
    }

    @Override
    public String location() {
        return "memory";
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new StorageException("the in-memory store is closed");
        }
    }

    private StoredStudy study(String name) {
        checkOpen();
        StoredStudy study = studies.get(name);
        if (study == null) {
            throw new IllegalArgumentException("no study named '" + name + "' in this store");
        }
        return study;
    }

    private StoredTrial trialOf(String study, int number) {
        StoredStudy stored = study(study);
        if (number < 0 || number >= stored.trials.size()) {
            throw new IllegalArgumentException("study '" + study + "' has no trial " + number
                    + "; its trials are numbered 0 to " + (stored.trials.size() - 1));
        }
        return stored.trials.get(number);
    }

    private static final class StoredStudy {
        final StudyConfig config;
        final Instant created;
        final List<StoredTrial> trials = new ArrayList<>();
        final Map<String, String> attributes = new TreeMap<>();

        StoredStudy(StudyConfig config, Instant created) {
            this.config = config;
            this.created = created;
        }
    }

    private static final class StoredTrial {
        final int number;
        final String architecture;
        final long seed;
        final Instant started;
        final Map<String, Double> metrics = new HashMap<>();
        final List<IntermediateValue> intermediate = new ArrayList<>();
        final Map<String, String> attributes;
        final Map<String, byte[]> artifacts = new TreeMap<>();
        TrialState state = TrialState.RUNNING;
        String claimKey;
        Instant heartbeat;
        Optional<Instant> finished = Optional.empty();
        Optional<String> error = Optional.empty();

        StoredTrial(int number, String architecture, long seed, Map<String, String> attributes,
                Instant started) {
            this.number = number;
            this.architecture = architecture;
            this.seed = seed;
            this.attributes = new HashMap<>(attributes);
            this.started = started;
            this.heartbeat = started;
        }

        FrozenTrial freeze() {
            return new FrozenTrial(number, state, architecture, seed, metrics, intermediate,
                    attributes, started, finished, error);
        }
    }
}
