package io.archforge.store.jdbc;

import io.archforge.storage.LateResult;
import io.archforge.storage.Storage;
import io.archforge.storage.TrialCounts;
import io.archforge.storage.StudySummary;
import io.archforge.store.jdbc.TrialWriter.TrialRow;
import io.archforge.study.FrozenTrial;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@link Storage} in an SQL database over plain JDBC: SQLite (a file, the
 * default) or PostgreSQL (a server, for workers on several machines). Open one
 * with {@link Storages#open}.
 *
 * <p>Every method is one transaction. Methods that read and then write (trial
 * numbering above all) first lock what they read: the whole store on SQLite,
 * the study or trial row on PostgreSQL. Processes sharing a store thus never
 * see each other's half-done work and never hand out a trial number twice.
 * Instances are thread-safe.
 *
 * <p>The rules match {@link io.archforge.storage.InMemoryStorage}: reads of an
 * unknown study or trial return empty, writes to one throw
 * {@link IllegalArgumentException}; finishing a finished trial throws
 * {@link IllegalStateException}; a STALE trial keeps its state, ignores
 * intermediate values and keeps a late result in {@link LateResult}'s attributes;
 * every method throws {@link io.archforge.storage.StorageException} once the
 * store is closed or when the database fails.
 */
public final class JdbcStorage implements Storage {

    private final Database database;
    private final StudyTable studies;
    private final TrialReader reader = new TrialReader();
    private final TrialWriter writer;
    private final JdbcEvaluationCache evaluationCache;
    private final StudyAttributeTable studyAttributes = new StudyAttributeTable();
    private final ArtifactTable artifacts = new ArtifactTable();

    /** Opens the store and brings its schema to the current version. */
    JdbcStorage(Database database) {
        this.database = database;
        this.studies = new StudyTable(database.location());
        this.writer = new TrialWriter(database.dialect());
        this.evaluationCache = new JdbcEvaluationCache(database);
        try {
            Schema.migrate(database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    @Override
    public void createStudy(StudyConfig config) {
        Objects.requireNonNull(config, "config");
        database.write("create study '" + config.name() + "'", connection -> {
            studies.insert(connection, config);
            return null;
        });
    }

    @Override
    public Optional<StudyConfig> loadStudy(String name) {
        return database.read("load study '" + name + "'",
                connection -> studies.load(connection, name));
    }

    @Override
    public List<StudySummary> listStudies() {
        return database.read("list studies", studies::list);
    }

    @Override
    public int createTrial(String study, String architecture, long seed,
            Map<String, String> attributes) {
        return insertTrial(study, architecture, null, seed, attributes, Integer.MAX_VALUE)
                .getAsInt();
    }

    @Override
    public OptionalInt claimTrial(String study, String architecture, String claimKey, long seed,
            Map<String, String> attributes, int activeLimit) {
        String digest = claimKey == null ? null : ClaimKeys.digest(claimKey);
        return insertTrial(study, architecture, digest, seed, attributes, activeLimit);
    }

    private OptionalInt insertTrial(String study, String architecture, String claimDigest,
            long seed, Map<String, String> attributes, int activeLimit) {
        Objects.requireNonNull(architecture, "architecture");
        Map<String, String> copy = Map.copyOf(attributes);
        return database.write("create a trial in study '" + study + "'", connection ->
                writer.create(connection, studyId(connection, study), architecture, seed, copy,
                        claimDigest, activeLimit));
    }

    @Override
    public void heartbeat(String study, int number) {
        database.write("record a heartbeat of trial " + number + " of study '" + study + "'",
                connection -> {
                    writer.heartbeat(connection, studyId(connection, study), number);
                    return null;
                });
    }

    @Override
    public List<Integer> markStaleWithoutHeartbeat(String study, Duration grace) {
        long graceMillis = grace.toMillis();
        return database.write("mark trials of study '" + study + "' without a heartbeat stale",
                connection -> writer.markStaleWithoutHeartbeat(connection,
                        studyId(connection, study), graceMillis));
    }

    @Override
    public Map<String, String> studyAttributes(String study) {
        return database.read("read the attributes of study '" + study + "'", connection -> {
            var id = studies.findId(connection, study);
            return id.isPresent() ? studyAttributes.read(connection, id.getAsLong()) : Map.of();
        });
    }

    @Override
    public void setStudyAttribute(String study, String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        database.write("set attribute '" + key + "' of study '" + study + "'", connection -> {
            studyAttributes.put(connection, studyId(connection, study), key, value);
            return null;
        });
    }

    @Override
    public void putArtifact(String study, int number, String name, byte[] content) {
        Objects.requireNonNull(name, "name");
        byte[] copy = content.clone();
        database.write("store artifact '" + name + "' of trial " + number + " of study '" + study
                + "'", connection -> {
                    artifacts.put(connection, requireTrial(connection, study, number).id(), name,
                            copy);
                    return null;
                });
    }

    @Override
    public Optional<byte[]> artifact(String study, int number, String name) {
        return database.read("read artifact '" + name + "' of trial " + number, connection -> {
            var id = studies.findId(connection, study);
            return id.isPresent()
                    ? artifacts.read(connection, id.getAsLong(), number, name)
                    : Optional.empty();
        });
    }

    @Override
    public List<String> artifactNames(String study, int number) {
        return database.read("list the artifacts of trial " + number, connection -> {
            var id = studies.findId(connection, study);
            return id.isPresent() ? artifacts.names(connection, id.getAsLong(), number) : List.of();
        });
    }

    @Override
    public void reportIntermediate(String study, int number, int step, String metric,
            double value) {
        Objects.requireNonNull(metric, "metric");
        database.write("report a value of trial " + number + " of study '" + study + "'",
                connection -> {
                    TrialRow trial = requireTrial(connection, study, number);
                    if (trial.state() == TrialState.RUNNING) {
                        writer.addIntermediate(connection, trial, step, metric, value);
                    } else if (trial.state() != TrialState.STALE) {
                        throw new IllegalStateException("trial " + number + " of study '"
                                + study + "' is " + trial.state()
                                + "; intermediate values are reported only while it runs");
                    }
                    return null;
                });
    }

    @Override
    public void finishTrial(String study, int number, TrialState state,
            Map<String, Double> metrics, Map<String, String> attributes,
            Optional<String> error) {
        Objects.requireNonNull(state, "state");
        if (!state.isOutcome()) {
            throw new IllegalArgumentException("cannot finish trial " + number + " of study '"
                    + study + "' as " + state + ": use COMPLETE, PRUNED, FAILED or SKIPPED");
        }
        Map<String, Double> metricsCopy = Map.copyOf(metrics);
        Map<String, String> attributesCopy = Map.copyOf(attributes);
        Objects.requireNonNull(error, "error");
        database.write("finish trial " + number + " of study '" + study + "'", connection -> {
            TrialRow trial = requireTrial(connection, study, number);
            if (trial.state() == TrialState.STALE) {
                keepLateResult(connection, trial, state, metricsCopy, attributesCopy, error);
            } else if (trial.state() == TrialState.RUNNING) {
                writer.finish(connection, trial, state, metricsCopy, attributesCopy, error);
            } else {
                throw new IllegalStateException("trial " + number + " of study '" + study
                        + "' is already " + trial.state());
            }
            return null;
        });
    }

    /** Records the result of a trial already marked STALE as attributes, keeping the state. */
    private void keepLateResult(Connection connection, TrialRow trial, TrialState state,
            Map<String, Double> metrics, Map<String, String> attributes, Optional<String> error)
            throws SQLException {
        Map<String, String> merged = new HashMap<>(trial.attributes());
        merged.putAll(attributes);
        merged.putAll(LateResult.attributes(state, metrics, error));
        writer.setAttributes(connection, trial, merged);
    }

    @Override
    public int markRunningStale(String study) {
        return database.write("mark running trials of study '" + study + "' stale",
                connection -> writer.markStale(connection, studyId(connection, study),
                        Optional.empty()));
    }

    @Override
    public void markStale(String study, int number) {
        database.write("mark trial " + number + " of study '" + study + "' stale",
                connection -> {
                    requireTrial(connection, study, number);
                    return writer.markStale(connection, studyId(connection, study),
                            Optional.of(number));
                });
    }

    @Override
    public List<FrozenTrial> trials(String study) {
        return database.read("read the trials of study '" + study + "'", connection -> {
            var id = studies.findId(connection, study);
            return id.isPresent() ? reader.all(connection, id.getAsLong()) : List.of();
        });
    }

    @Override
    public List<FrozenTrial> trialsFrom(String study, int from) {
        return database.read("read the trials of study '" + study + "' from " + from,
                connection -> {
                    var id = studies.findId(connection, study);
                    return id.isPresent() ? reader.from(connection, id.getAsLong(), from)
                            : List.of();
                });
    }

    @Override
    public Map<TrialState, Integer> stateCounts(String study) {
        return database.read("count the trials of study '" + study + "' by state",
                connection -> {
                    var id = studies.findId(connection, study);
                    return reader.stateCounts(connection, id.isPresent() ? id.getAsLong() : -1);
                });
    }

    @Override
    public TrialCounts counts(String study) {
        return database.read("count the trials of study '" + study + "'", connection -> {
            var id = studies.findId(connection, study);
            return id.isPresent() ? reader.counts(connection, id.getAsLong()) : new TrialCounts(0, 0);
        });
    }

    @Override
    public Optional<FrozenTrial> trial(String study, int number) {
        return database.read("read trial " + number + " of study '" + study + "'",
                connection -> {
                    var id = studies.findId(connection, study);
                    return id.isPresent()
                            ? reader.one(connection, id.getAsLong(), number)
                            : Optional.empty();
                });
    }

    @Override
    public String location() {
        return database.location();
    }

    /**
     * The evaluation cache of this store, shared by all its studies and by every process
     * that opens the store. It uses this store's connections, so it works until this
     * store is closed.
     */
    public JdbcEvaluationCache evaluationCache() {
        return evaluationCache;
    }

    @Override
    public void close() {
        database.close();
    }

    /** Returns the connections and transactions, for tests of this package. */
    Database database() {
        return database;
    }

    @Override
    public String toString() {
        return database.dialect().name() + " store " + database.location();
    }

    private long studyId(Connection connection, String study) throws SQLException {
        return studies.findId(connection, study).orElseThrow(() -> new IllegalArgumentException(
                "no study named '" + study + "' in " + location()
                        + "; create it first, or check the study name"));
    }

    private TrialRow requireTrial(Connection connection, String study, int number)
            throws SQLException {
        long studyId = studyId(connection, study);
        return writer.find(connection, studyId, number).orElseThrow(() ->
                new IllegalArgumentException("study '" + study + "' has no trial " + number
                        + " in " + location()));
    }
}
