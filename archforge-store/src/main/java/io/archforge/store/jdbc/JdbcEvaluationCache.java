package io.archforge.store.jdbc;

import io.archforge.eval.Evaluation;
import io.archforge.eval.cache.EvaluationCache;
import io.archforge.eval.cache.EvaluationKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link EvaluationCache} in table {@code evaluation_cache} of a store, so every study
 * of the store, in any process, shares it. Get one with
 * {@link JdbcStorage#evaluationCache()}. It uses the store's connections and stops
 * working when the store is closed.
 *
 * <p>The primary key is {@link EvaluationKey#digest()}. The four key fields are stored
 * beside it and checked on every read, so a digest collision reads as a miss. Metrics and
 * attributes are JSON objects. A put inserts with {@code ON CONFLICT DO NOTHING} (SQLite
 * 3.24 and later, PostgreSQL 9.5 and later), so concurrent puts of one key from several
 * processes all succeed and the first stored row stays. Every method throws
 * {@link io.archforge.storage.StorageException} once the store is closed or when the
 * database fails. Thread-safe.
 */
public final class JdbcEvaluationCache implements EvaluationCache {

    private static final String SELECT = "SELECT metrics, attributes FROM evaluation_cache"
            + " WHERE key_digest = ? AND architecture_key = ? AND evaluator_fingerprint = ?"
            + " AND fidelity = ? AND seed = ?";

    private static final String INSERT = "INSERT INTO evaluation_cache (key_digest,"
            + " architecture_key, evaluator_fingerprint, fidelity, seed, metrics, attributes,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key_digest) DO NOTHING";

    private final Database database;

    JdbcEvaluationCache(Database database) {
        this.database = database;
    }

    @Override
    public Optional<Evaluation> get(EvaluationKey key) {
        Objects.requireNonNull(key, "key");
        String digest = key.digest();
        return database.read("read cached evaluation " + digest, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SELECT)) {
                bindKey(statement, digest, key);
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    String source = "evaluation_cache row " + digest;
                    return Optional.of(new Evaluation(
                            MetricsJson.read(rows.getString(1), source + " metrics"),
                            JsonMaps.read(rows.getString(2), source + " attributes")));
                }
            }
        });
    }

    @Override
    public void put(EvaluationKey key, Evaluation evaluation) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(evaluation, "evaluation");
        String digest = key.digest();
        String metrics = MetricsJson.write(evaluation.metrics());
        String attributes = JsonMaps.write(evaluation.attributes());
        database.write("store cached evaluation " + digest, connection -> {
            insert(connection, digest, key, metrics, attributes);
            return null;
        });
    }

    private static void insert(Connection connection, String digest, EvaluationKey key,
            String metrics, String attributes) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            bindKey(statement, digest, key);
            statement.setString(6, metrics);
            statement.setString(7, attributes);
            statement.setString(8, Instant.now().toString());
            statement.executeUpdate();
        }
    }

    private static void bindKey(PreparedStatement statement, String digest, EvaluationKey key)
            throws SQLException {
        statement.setString(1, digest);
        statement.setString(2, key.architectureKey());
        statement.setString(3, key.evaluatorFingerprint());
        statement.setString(4, key.fidelity());
        statement.setLong(5, key.seed());
    }

    @Override
    public String toString() {
        return "evaluation cache of " + database.dialect().name() + " store "
                + database.location();
    }
}
