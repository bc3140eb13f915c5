package io.archforge.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes table {@code trial_artifacts}: named byte strings per trial row. */
final class ArtifactTable {

    /** Stores an artifact, replacing an earlier one of the same name. */
    void put(Connection connection, long trialId, String name, byte[] content)
            throws SQLException {
        String sql = "INSERT INTO trial_artifacts (trial_id, name, content) VALUES (?, ?, ?)"
                + " ON CONFLICT (trial_id, name) DO UPDATE SET content = excluded.content";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, trialId);
            statement.setString(2, name);
            statement.setBytes(3, content);
            statement.executeUpdate();
        }
    }

    /** One artifact of the trial, or empty. */
    Optional<byte[]> read(Connection connection, long studyId, int number, String name)
            throws SQLException {
        String sql = "SELECT a.content FROM trial_artifacts a JOIN trials t ON t.id = a.trial_id"
                + " WHERE t.study_id = ? AND t.number = ? AND a.name = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, studyId);
            statement.setInt(2, number);
            statement.setString(3, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** Returns the names of the trial's artifacts, sorted. */
    List<String> names(Connection connection, long studyId, int number) throws SQLException {
        String sql = "SELECT a.name FROM trial_artifacts a JOIN trials t ON t.id = a.trial_id"
                + " WHERE t.study_id = ? AND t.number = ? ORDER BY a.name";
        List<String> names = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, studyId);
            statement.setInt(2, number);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return List.copyOf(names);
    }
}
