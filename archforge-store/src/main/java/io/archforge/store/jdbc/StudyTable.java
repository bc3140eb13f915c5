package io.archforge.store.jdbc;

import io.archforge.storage.StorageException;
import io.archforge.storage.StudySummary;
import io.archforge.study.StudyConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Rows of table {@code studies}; every method runs inside the caller's transaction. */
final class StudyTable {

    private final String location;

    /** @param location the store as shown in messages */
    StudyTable(String location) {
        this.location = location;
    }

    /**
     * Inserts a study.
     *
     * @throws StorageException when a study of that name exists
     */
    void insert(Connection connection, StudyConfig config) throws SQLException {
        if (findId(connection, config.name()).isPresent()) {
            throw new StorageException("study '" + config.name() + "' already exists in "
                    + location + ": choose another study name, or resume the existing study");
        }
        String sql = "INSERT INTO studies (name, config, created) VALUES (?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, config.name());
            statement.setString(2, StudyConfigJson.write(config));
            statement.setString(3, Instant.now().toString());
            statement.executeUpdate();
        }
    }

    /** Returns the id of study {@code name}, or empty when there is none. */
    OptionalLong findId(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT id FROM studies WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Reads the configuration of study {@code name}, or returns empty when there is none. */
    Optional<StudyConfig> load(Connection connection, String name) throws SQLException {
        try (PreparedStatement statement =
                connection.prepareStatement("SELECT config FROM studies WHERE name = ?")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(config(name, rows.getString(1)));
            }
        }
    }

    /** Reads summaries of every study, ordered by name as Java compares strings. */
    List<StudySummary> list(Connection connection) throws SQLException {
        String sql = "SELECT s.name, s.config, s.created, COUNT(t.id),"
                + " SUM(CASE WHEN t.state = 'COMPLETE' THEN 1 ELSE 0 END)"
                + " FROM studies s LEFT JOIN trials t ON t.study_id = s.id"
                + " GROUP BY s.id, s.name, s.config, s.created";
        List<StudySummary> summaries = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                StudyConfig config = config(rows.getString(1), rows.getString(2));
                Instant created = Instant.parse(rows.getString(3));
                // SUM over no rows is NULL, which getInt reads as 0.
                summaries.add(new StudySummary(config, created, rows.getInt(5), rows.getInt(4)));
            }
        }
        // Sorted here because the databases' collations order names differently.
        summaries.sort(Comparator.comparing(summary -> summary.config().name()));
        return summaries;
    }

    private StudyConfig config(String name, String json) {
        try {
            return StudyConfigJson.read(json);
        } catch (IllegalArgumentException e) {
            throw new StorageException("study '" + name + "' in " + location
                    + " has an unreadable configuration (" + e.getMessage()
                    + "); restore the store from a backup", e);
        }
    }
}
