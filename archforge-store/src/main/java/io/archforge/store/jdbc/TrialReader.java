package io.archforge.store.jdbc;

import io.archforge.storage.TrialCounts;
import io.archforge.study.FrozenTrial;
import io.archforge.study.IntermediateValue;
import io.archforge.study.TrialState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads trials with their metrics and intermediate values: three queries for any
 * number of trials. Run it in a read transaction so the three see one snapshot.
 */
final class TrialReader {

    /**
     * A selection of trials of one study: all of them, the one with a number, or those
     * from a number on.
     */
    private record Filter(long studyId, Integer number, boolean onward) {
        String where() {
            if (number == null) {
                return "t.study_id = ?";
            }
            return onward ? "t.study_id = ? AND t.number >= ?" : "t.study_id = ? AND t.number = ?";
        }

        void bind(PreparedStatement statement) throws SQLException {
            statement.setLong(1, studyId);
            if (number != null) {
                statement.setInt(2, number);
            }
        }
    }

    /** A trial row while its metrics and intermediate values are collected. */
    private static final class Row {
        final int number;
        final TrialState state;
        final String architecture;
        final long seed;
        final Instant started;
        final Optional<Instant> finished;
        final Optional<String> error;
        final Map<String, String> attributes;
        final Map<String, Double> metrics = new HashMap<>();
        final List<IntermediateValue> intermediate = new ArrayList<>();

        Row(ResultSet rows) throws SQLException {
            number = rows.getInt("number");
            state = TrialState.valueOf(rows.getString("state"));
            architecture = rows.getString("architecture");
            seed = rows.getLong("seed");
            started = Instant.parse(rows.getString("started"));
            finished = Optional.ofNullable(rows.getString("finished")).map(Instant::parse);
            error = Optional.ofNullable(rows.getString("error"));
            attributes = JsonMaps.read(rows.getString("attributes"), "trial attributes");
        }

        FrozenTrial freeze() {
            return new FrozenTrial(number, state, architecture, seed, metrics, intermediate,
                    attributes, started, finished, error);
        }
    }

    /** Reads all trials of the study, ordered by number. */
    List<FrozenTrial> all(Connection connection, long studyId) throws SQLException {
        return read(connection, new Filter(studyId, null, false));
    }

    /** Reads the trials of the study numbered {@code from} or above, ordered by number. */
    List<FrozenTrial> from(Connection connection, long studyId, int from) throws SQLException {
        return read(connection, new Filter(studyId, from, true));
    }

    /** Counts the trials of the study in one query. */
    TrialCounts counts(Connection connection, long studyId) throws SQLException {
        String sql = "SELECT COALESCE(MAX(number) + 1, 0),"
                + " SUM(CASE WHEN state IN ('COMPLETE', 'PRUNED', 'FAILED') THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN state = 'RUNNING' THEN 1 ELSE 0 END)"
                + " FROM trials WHERE study_id = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, studyId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new TrialCounts(rows.getInt(1), rows.getInt(2), rows.getInt(3));
            }
        }
    }

    /** Counts the trials of the study in each state, every state present. */
    Map<TrialState, Integer> stateCounts(Connection connection, long studyId) throws SQLException {
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        for (TrialState state : TrialState.values()) {
            counts.put(state, 0);
        }
        String sql = "SELECT state, COUNT(*) FROM trials WHERE study_id = ? GROUP BY state";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, studyId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(TrialState.valueOf(rows.getString(1)), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    /** Reads trial {@code number} of the study, or returns empty when there is none. */
    Optional<FrozenTrial> one(Connection connection, long studyId, int number)
            throws SQLException {
        return read(connection, new Filter(studyId, number, false)).stream().findFirst();
    }

    private List<FrozenTrial> read(Connection connection, Filter filter) throws SQLException {
        Map<Long, Row> byId = trialRows(connection, filter);
        if (!byId.isEmpty()) {
            addMetrics(connection, filter, byId);
            addIntermediate(connection, filter, byId);
        }
        List<FrozenTrial> trials = new ArrayList<>(byId.size());
        byId.values().forEach(row -> trials.add(row.freeze()));
        return trials;
    }

    private static Map<Long, Row> trialRows(Connection connection, Filter filter)
            throws SQLException {
        String sql = "SELECT t.id, t.number, t.state, t.architecture, t.seed, t.started,"
                + " t.finished, t.error, t.attributes FROM trials t"
                + " WHERE " + filter.where() + " ORDER BY t.number";
        Map<Long, Row> byId = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            filter.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    byId.put(rows.getLong("id"), new Row(rows));
                }
            }
        }
        return byId;
    }

    private static void addMetrics(Connection connection, Filter filter, Map<Long, Row> byId)
            throws SQLException {
        String sql = "SELECT m.trial_id, m.name, m.value FROM trial_metrics m"
                + " JOIN trials t ON t.id = m.trial_id WHERE " + filter.where();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            filter.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    byId.get(rows.getLong(1)).metrics.put(rows.getString(2), value(rows, 3));
                }
            }
        }
    }

    private static void addIntermediate(Connection connection, Filter filter,
            Map<Long, Row> byId) throws SQLException {
        String sql = "SELECT i.trial_id, i.step, i.metric, i.value FROM trial_intermediate i"
                + " JOIN trials t ON t.id = i.trial_id WHERE " + filter.where()
                + " ORDER BY i.id";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            filter.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    IntermediateValue value = new IntermediateValue(
                            rows.getInt(2), rows.getString(3), value(rows, 4));
                    byId.get(rows.getLong(1)).intermediate.add(value);
                }
            }
        }
    }

    /** Reads a stored double, where NULL is NaN (see the schema). */
    static double value(ResultSet rows, int column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? Double.NaN : value;
    }
}
