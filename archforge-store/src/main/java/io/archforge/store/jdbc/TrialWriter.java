package io.archforge.store.jdbc;

import io.archforge.study.TrialState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Inserts and updates trial rows; every method runs inside the caller's write
 * transaction and leaves the rules about states to {@link JdbcStorage}.
 */
final class TrialWriter {

    /** The columns of a stored trial that an update depends on. */
    record TrialRow(long id, int number, TrialState state, Map<String, String> attributes) {
        TrialRow {
            attributes = Map.copyOf(attributes);
        }
    }

    private final Dialect dialect;

    TrialWriter(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * Inserts a RUNNING trial numbered one above the study's highest number, or 0, with
     * a first heartbeat. Two writers cannot both read the same maximum: the write
     * transaction (and, where the dialect needs it, a lock on the study row) excludes
     * the second until the first commits.
     *
     * @param claimKey the digest the trial claims (see {@link Schema}), or null for none
     * @param activeLimit the maximum number of trials running or finished
     * @return the new trial's number, or empty when a live trial owns {@code claimKey}
     *     or the limit is reached
     */
    OptionalInt create(Connection connection, long studyId, String architecture, long seed,
            Map<String, String> attributes, String claimKey, int activeLimit)
            throws SQLException {
        dialect.lockStudy(connection, studyId);
        if (claimKey != null && isClaimed(connection, studyId, claimKey)) {
            return OptionalInt.empty();
        }
        if (activeLimit < Integer.MAX_VALUE && active(connection, studyId) >= activeLimit) {
            return OptionalInt.empty();
        }
        int number = nextNumber(connection, studyId);
        String sql = "INSERT INTO trials (study_id, number, state, architecture, seed, started,"
                + " attributes, claim_key, heartbeat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                + dialect.nowMillis() + ")";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, studyId);
            statement.setInt(2, number);
            statement.setString(3, TrialState.RUNNING.name());
            statement.setString(4, architecture);
            statement.setLong(5, seed);
            statement.setString(6, Instant.now().toString());
            statement.setString(7, JsonMaps.write(attributes));
            statement.setString(8, claimKey);
            statement.executeUpdate();
        }
        return OptionalInt.of(number);
    }

    private static int active(Connection connection, long studyId) throws SQLException {
        String sql = "SELECT COUNT(*) FROM trials WHERE study_id = ?"
                + " AND state IN ('RUNNING', 'COMPLETE', 'PRUNED', 'FAILED')";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, studyId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static boolean isClaimed(Connection connection, long studyId, String claimKey)
            throws SQLException {
        String sql = "SELECT 1 FROM trials WHERE study_id = ? AND claim_key = ?"
                + " AND state <> 'STALE' AND state <> 'SKIPPED'";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, studyId);
            statement.setString(2, claimKey);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Sets the heartbeat of a RUNNING trial to the server's clock. */
    void heartbeat(Connection connection, long studyId, int number) throws SQLException {
        String sql = "UPDATE trials SET heartbeat = " + dialect.nowMillis()
                + " WHERE study_id = ? AND number = ? AND state = 'RUNNING'";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, studyId);
            statement.setInt(2, number);
            statement.executeUpdate();
        }
    }

    /**
     * Marks STALE the RUNNING trials whose heartbeat is older than {@code graceMillis} by
     * the server's clock, and returns their numbers in increasing order.
     */
    List<Integer> markStaleWithoutHeartbeat(Connection connection, long studyId, long graceMillis)
            throws SQLException {
        String select = "SELECT number FROM trials WHERE study_id = ? AND state = 'RUNNING'"
                + " AND heartbeat < " + dialect.nowMillis() + " - ?"
                + " ORDER BY number" + dialect.forUpdate();
        List<Integer> numbers = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setLong(1, studyId);
            statement.setLong(2, graceMillis);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    numbers.add(rows.getInt(1));
                }
            }
        }
        for (int number : numbers) {
            markStale(connection, studyId, Optional.of(number));
        }
        return List.copyOf(numbers);
    }

    private static int nextNumber(Connection connection, long studyId) throws SQLException {
        String sql = "SELECT COALESCE(MAX(number), -1) + 1 FROM trials WHERE study_id = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, studyId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /**
     * Returns the row of trial {@code number}, or empty when the study has no such
     * trial. The row stays locked until the transaction ends, so its state cannot
     * change between this read and the caller's update.
     */
    Optional<TrialRow> find(Connection connection, long studyId, int number)
            throws SQLException {
        String sql = "SELECT id, state, attributes FROM trials WHERE study_id = ? AND number = ?"
                + dialect.forUpdate();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, studyId);
            statement.setInt(2, number);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new TrialRow(rows.getLong(1), number,
                        TrialState.valueOf(rows.getString(2)),
                        JsonMaps.read(rows.getString(3), "trial attributes")));
            }
        }
    }

    /** Appends an intermediate value to the trial. */
    void addIntermediate(Connection connection, TrialRow trial, int step, String metric,
            double value) throws SQLException {
        String sql = "INSERT INTO trial_intermediate (trial_id, step, metric, value, time)"
                + " VALUES (?, ?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, trial.id());
            statement.setInt(2, step);
            statement.setString(3, metric);
            setValue(statement, 4, value);
            statement.setString(5, Instant.now().toString());
            statement.executeUpdate();
        }
    }

    /** Sets the final state, finish time, error and attributes, and stores the metrics. */
    void finish(Connection connection, TrialRow trial, TrialState state,
            Map<String, Double> metrics, Map<String, String> attributes, Optional<String> error)
            throws SQLException {
        Map<String, String> merged = new HashMap<>(trial.attributes());
        merged.putAll(attributes);
        String sql = "UPDATE trials SET state = ?, finished = ?, error = ?, attributes = ?"
                + " WHERE id = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, state.name());
            statement.setString(2, Instant.now().toString());
            statement.setString(3, error.orElse(null));
            statement.setString(4, JsonMaps.write(merged));
            statement.setLong(5, trial.id());
            statement.executeUpdate();
        }
        putMetrics(connection, trial, metrics);
    }

    /** Replaces the trial's attributes, leaving its state as it is. */
    void setAttributes(Connection connection, TrialRow trial, Map<String, String> attributes)
            throws SQLException {
        String sql = "UPDATE trials SET attributes = ? WHERE id = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, JsonMaps.write(attributes));
            statement.setLong(2, trial.id());
            statement.executeUpdate();
        }
    }

    private void putMetrics(Connection connection, TrialRow trial, Map<String, Double> metrics)
            throws SQLException {
        if (metrics.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(dialect.upsertMetric())) {
            for (Map.Entry<String, Double> metric : metrics.entrySet()) {
                statement.setLong(1, trial.id());
                statement.setString(2, metric.getKey());
                setValue(statement, 3, metric.getValue());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Marks RUNNING trials STALE and sets their finish time: all of the study's, or the
     * one numbered {@code number}.
     */
    int markStale(Connection connection, long studyId, Optional<Integer> number)
            throws SQLException {
        String sql = "UPDATE trials SET state = ?, finished = ? WHERE study_id = ? AND state = ?"
                + (number.isPresent() ? " AND number = ?" : "");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, TrialState.STALE.name());
            statement.setString(2, Instant.now().toString());
            statement.setLong(3, studyId);
            statement.setString(4, TrialState.RUNNING.name());
            if (number.isPresent()) {
                statement.setInt(5, number.get());
            }
            return statement.executeUpdate();
        }
    }

    /** Binds a double, NaN as NULL (see the schema). */
    private static void setValue(PreparedStatement statement, int index, double value)
            throws SQLException {
        if (Double.isNaN(value)) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }
}
