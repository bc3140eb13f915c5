package io.archforge.store.jdbc;

import io.archforge.storage.StorageException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versioned table layout. Table {@code schema_version} has one row per
 * applied migration; opening a store applies the missing migrations in order,
 * and rejects a store whose version is newer than this code supports.
 */
final class Schema {

    /** One step of the layout, applied once in a write transaction. */
    record Migration(int version, String description, List<String> statements) {
        Migration {
            statements = List.copyOf(statements);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Schema.class);

    private Schema() {
    }

    /** Returns the version this code reads and writes. */
    static int currentVersion(Dialect dialect) {
        List<Migration> all = migrations(dialect);
        return all.get(all.size() - 1).version();
    }

    /** Returns every migration, in the order they are applied. */
    static List<Migration> migrations(Dialect dialect) {
        return List.of(
                new Migration(1, "studies, trials, metrics and intermediate values",
                        initialTables(dialect)),
                new Migration(2, "evaluation cache shared by the studies of the store",
                        evaluationCacheTable()),
                new Migration(3, "trial claims, heartbeats, study attributes and trial artifacts",
                        workerTables(dialect)));
    }

    private static List<String> initialTables(Dialect dialect) {
        String identity = dialect.identityColumn();
        String real = dialect.doubleType();
        return List.of(
                "CREATE TABLE studies ("
                        + identity + ","
                        + " name TEXT NOT NULL UNIQUE,"
                        + " config TEXT NOT NULL,"
                        + " created TEXT NOT NULL)",
                "CREATE TABLE trials ("
                        + identity + ","
                        + " study_id BIGINT NOT NULL REFERENCES studies (id) ON DELETE CASCADE,"
                        + " number INTEGER NOT NULL,"
                        + " state TEXT NOT NULL,"
                        + " architecture TEXT NOT NULL,"
                        + " seed BIGINT NOT NULL,"
                        + " started TEXT NOT NULL,"
                        + " finished TEXT,"
                        + " error TEXT,"
                        + " attributes TEXT NOT NULL,"
                        + " UNIQUE (study_id, number))",
                "CREATE INDEX trials_study_state ON trials (study_id, state)",
                // A NULL value is NaN, which SQLite cannot store as a number.
                "CREATE TABLE trial_metrics ("
                        + " trial_id BIGINT NOT NULL REFERENCES trials (id) ON DELETE CASCADE,"
                        + " name TEXT NOT NULL,"
                        + " value " + real + ","
                        + " PRIMARY KEY (trial_id, name))",
                "CREATE TABLE trial_intermediate ("
                        + identity + ","
                        + " trial_id BIGINT NOT NULL REFERENCES trials (id) ON DELETE CASCADE,"
                        + " step INTEGER NOT NULL,"
                        + " metric TEXT NOT NULL,"
                        + " value " + real + ","
                        + " time TEXT NOT NULL)",
                "CREATE INDEX trial_intermediate_trial ON trial_intermediate (trial_id)");
    }

    /**
     * The evaluation cache, keyed by the SHA-256 digest of its four key fields, with
     * metrics and attributes as JSON objects (see {@link JdbcEvaluationCache}).
     */
    private static List<String> evaluationCacheTable() {
        return List.of("CREATE TABLE evaluation_cache ("
                + " key_digest TEXT PRIMARY KEY,"
                + " architecture_key TEXT NOT NULL,"
                + " evaluator_fingerprint TEXT NOT NULL,"
                + " fidelity TEXT NOT NULL,"
                + " seed BIGINT NOT NULL,"
                + " metrics TEXT NOT NULL,"
                + " attributes TEXT NOT NULL,"
                + " created_at TEXT NOT NULL)");
    }

    /**
     * Returns the columns and tables that several workers on one study need.
     * {@code claim_key} is a digest of what a
     * trial evaluates; the partial unique index lets only one trial that is neither
     * STALE nor SKIPPED own a key, so a claim is atomic in the database itself.
     * {@code heartbeat} is the server clock in epoch milliseconds at the trial's last
     * sign of life; trials left RUNNING by an older version get the migration's time.
     */
    private static List<String> workerTables(Dialect dialect) {
        return List.of(
                "ALTER TABLE trials ADD COLUMN claim_key TEXT",
                "ALTER TABLE trials ADD COLUMN heartbeat BIGINT",
                // A trial left RUNNING by an older version counts as alive until now.
                "UPDATE trials SET heartbeat = " + dialect.nowMillis() + " WHERE state = 'RUNNING'",
                "CREATE UNIQUE INDEX trials_claim ON trials (study_id, claim_key)"
                        + " WHERE claim_key IS NOT NULL"
                        + " AND state <> 'STALE' AND state <> 'SKIPPED'",
                "CREATE TABLE study_attributes ("
                        + " study_id BIGINT NOT NULL REFERENCES studies (id) ON DELETE CASCADE,"
                        + " key TEXT NOT NULL,"
                        + " value TEXT NOT NULL,"
                        + " PRIMARY KEY (study_id, key))",
                "CREATE TABLE trial_artifacts ("
                        + " trial_id BIGINT NOT NULL REFERENCES trials (id) ON DELETE CASCADE,"
                        + " name TEXT NOT NULL,"
                        + " content " + dialect.blobType() + " NOT NULL,"
                        + " PRIMARY KEY (trial_id, name))");
    }

    /**
     * Brings the store to the current version.
     *
     * @throws StorageException when the store was written by a newer version
     */
    static void migrate(Database database) {
        Dialect dialect = database.dialect();
        int target = currentVersion(dialect);
        int found = database.read("read the schema version", Schema::storedVersion);
        checkNotNewer(database, found, target);
        if (found == target) {
            return;
        }
        database.write("upgrade the schema", connection -> {
            dialect.lockSchema(connection);
            // Under the lock another process's migration is either done or not begun, so
            // tables without a schema version belong to another application.
            if (dialect instanceof SqliteDialect && storedVersion(connection) == 0) {
                requireNoForeignTables(database, connection);
            }
            createVersionTable(connection);
            // Another process may have migrated while this one waited for the lock.
            int locked = storedVersion(connection);
            checkNotNewer(database, locked, target);
            for (Migration migration : migrations(dialect)) {
                if (migration.version() > locked) {
                    apply(connection, migration);
                    LOG.info("Store {}: applied schema version {} ({})", database.location(),
                            migration.version(), migration.description());
                }
            }
            return null;
        });
    }

    /**
     * Rejects an SQLite file that has tables but no Archforge schema: it belongs to
     * another application, and adding Archforge's tables to it would change that file.
     */
    private static void requireNoForeignTables(Database database, Connection connection)
            throws SQLException {
        List<String> tables = new java.util.ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        if (!tables.isEmpty()) {
            throw new StorageException("store " + database.location() + " is an SQLite database of "
                    + "another application (tables " + tables + "), not an Archforge store; "
                    + "choose another --storage file");
        }
    }

    private static void checkNotNewer(Database database, int found, int target) {
        if (found > target) {
            throw new StorageException("store " + database.location() + " has schema version "
                    + found + ", but this version of Archforge reads versions up to " + target
                    + ": upgrade Archforge to open it, or choose another store");
        }
    }

    /** Returns the highest applied version, or 0 for a store without tables. */
    static int storedVersion(Connection connection) throws SQLException {
        if (!hasVersionTable(connection)) {
            return 0;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static boolean hasVersionTable(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        // Only the current schema counts: a PostgreSQL database may hold several stores.
        String schema = connection.getSchema();
        try (ResultSet tables = metaData.getTables(null, schema, "schema_version", null)) {
            return tables.next();
        }
    }

    private static void createVersionTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                    + " version INTEGER PRIMARY KEY,"
                    + " applied TEXT NOT NULL)");
        }
    }

    private static void apply(Connection connection, Migration migration) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : migration.statements()) {
                statement.execute(sql);
            }
        }
        String insert = "INSERT INTO schema_version (version, applied) VALUES (?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setInt(1, migration.version());
            statement.setString(2, Instant.now().toString());
            statement.executeUpdate();
        }
    }
}
