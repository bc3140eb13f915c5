package io.archforge.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/** Reads and writes table {@code study_attributes}: key and value strings per study. */
final class StudyAttributeTable {

    /** Returns the study's attributes, sorted by key. */
    Map<String, String> read(Connection connection, long studyId) throws SQLException {
        String sql = "SELECT key, value FROM study_attributes WHERE study_id = ?";
        Map<String, String> attributes = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, studyId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    attributes.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return attributes;
    }

    /** Sets one attribute, replacing an earlier value of the key. */
    void put(Connection connection, long studyId, String key, String value) throws SQLException {
        String sql = "INSERT INTO study_attributes (study_id, key, value) VALUES (?, ?, ?)"
                + " ON CONFLICT (study_id, key) DO UPDATE SET value = excluded.value";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, studyId);
            statement.setString(2, key);
            statement.setString(3, value);
            statement.executeUpdate();
        }
    }
}
