package io.archforge.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.storage.Storage;
import io.archforge.storage.StorageException;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour specific to the SQLite store: settings, schema versions, reopening, values. */
class SqliteStoreTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("studies.db");
    }

    @Test
    void connectionSettingsApplied() throws Exception {
        try (JdbcStorage storage = Storages.openSqlite(file())) {
            Database database = storage.database();
            // Lock waits go through a busy handler, which PRAGMA busy_timeout does not show;
            // StoreRetryTest checks them.
            String[] settings = database.read("read settings", connection -> new String[] {
                pragma(connection, "journal_mode"),
                pragma(connection, "synchronous"),
                pragma(connection, "foreign_keys")});

            assertThat(settings[0]).isEqualTo("wal");
            assertThat(settings[1]).as("synchronous NORMAL").isEqualTo("1");
            assertThat(settings[2]).isEqualTo("1");
        }
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void newerSchemaIsRejected() throws Exception {
        try (Storage storage = Storages.openSqlite(file())) {
            storage.createStudy(StoreFixtures.study("s"));
        }
        execute("INSERT INTO schema_version (version, applied) VALUES (99, 'later')");

        assertThatThrownBy(() -> Storages.openSqlite(file()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("upgrade Archforge");
    }

    @Test
    void aForeignSqliteFileIsRejectedAndLeftAsItWas() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE notes (text TEXT)");
            statement.execute("INSERT INTO notes VALUES ('keep me')");
        }
        byte[] before = Files.readAllBytes(file());

        assertThatThrownBy(() -> Storages.openSqlite(file()))
                .hasMessageContaining("another application").hasMessageContaining("notes");
        // Not a byte changes: not even the journal mode in the header.
        assertThat(Files.readAllBytes(file())).isEqualTo(before);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery(
                        "SELECT group_concat(name) FROM sqlite_master WHERE type = 'table'")) {
            assertThat(tables.getString(1)).isEqualTo("notes");
        }
    }

    @Test
    void schemaVersionRecorded() throws Exception {
        Storages.openSqlite(file()).close();
        Storages.openSqlite(file()).close();

        int current = Schema.currentVersion(new SqliteDialect());
        assertThat(query("SELECT COUNT(*) FROM schema_version")).isEqualTo(current);
        assertThat(query("SELECT MAX(version) FROM schema_version")).isEqualTo(current);
    }

    @Test
    void dataSurvivesReopen() {
        StudyConfig config = new StudyConfig("reopen", "macro", "train",
                Map.of("dataset", "fashion-mnist", "epochs", "3"), "evolution",
                Map.of("population", "20"),
                List.of(Objective.maximize("accuracy"), Objective.minimize("latency_ms")), -5L);
        try (Storage storage = Storages.openSqlite(file())) {
            storage.createStudy(config);
            int number = storage.createTrial("reopen", "s1.depth=2", 11L, Map.of("k", "v"));
            storage.reportIntermediate("reopen", number, 0, "accuracy", 50.5);
            storage.reportIntermediate("reopen", number, 1, "accuracy", 60.25);
            storage.finishTrial("reopen", number, TrialState.COMPLETE,
                    Map.of("accuracy", 61.0, "latency_ms", 2.5), Map.of("data", "sha256:ab"),
                    Optional.empty());
        }
        try (Storage storage = Storages.openSqlite(file())) {
            assertThat(storage.loadStudy("reopen")).contains(config);
            FrozenTrial trial = storage.trial("reopen", 0).orElseThrow();
            assertThat(trial.architecture()).isEqualTo("s1.depth=2");
            assertThat(trial.seed()).isEqualTo(11L);
            assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(trial.metrics()).isEqualTo(Map.of("accuracy", 61.0, "latency_ms", 2.5));
            assertThat(trial.attributes()).isEqualTo(Map.of("k", "v", "data", "sha256:ab"));
            assertThat(trial.intermediate()).extracting(v -> v.step() + ":" + v.value())
                    .containsExactly("0:50.5", "1:60.25");
            assertThat(trial.finished()).isPresent();
            assertThat(trial.finished().get()).isAfterOrEqualTo(trial.started());
        }
    }

    @Test
    void specialValuesRoundTrip() {
        try (Storage storage = Storages.openSqlite(file())) {
            storage.createStudy(StoreFixtures.study("s"));
            int number = storage.createTrial("s", "a", Long.MAX_VALUE, Map.of());
            storage.reportIntermediate("s", number, 0, "loss", Double.NaN);
            storage.finishTrial("s", number, TrialState.COMPLETE,
                    Map.of("nan", Double.NaN, "inf", Double.POSITIVE_INFINITY,
                            "tiny", Double.MIN_VALUE, "neg", -0.1),
                    Map.of(), Optional.empty());

            FrozenTrial trial = storage.trial("s", number).orElseThrow();
            assertThat(trial.seed()).isEqualTo(Long.MAX_VALUE);
            assertThat(trial.metrics().get("nan")).isNaN();
            assertThat(trial.metrics().get("inf")).isEqualTo(Double.POSITIVE_INFINITY);
            assertThat(trial.metrics().get("tiny")).isEqualTo(Double.MIN_VALUE);
            assertThat(trial.metrics().get("neg")).isEqualTo(-0.1);
            assertThat(trial.intermediate().get(0).value()).isNaN();
        }
    }

    @Test
    void lateMetricsOfStaleTrialKept() {
        try (Storage storage = Storages.openSqlite(file())) {
            storage.createStudy(StoreFixtures.study("s"));
            int number = storage.createTrial("s", "a", 1L, Map.of());
            storage.markStale("s", number);
            storage.finishTrial("s", number, TrialState.COMPLETE, Map.of("accuracy", 91.5),
                    Map.of(), Optional.empty());

            FrozenTrial trial = storage.trial("s", number).orElseThrow();
            assertThat(trial.state()).isEqualTo(TrialState.STALE);
            assertThat(trial.metrics()).isEmpty();
            assertThat(trial.attributes()).containsEntry("late_metric.accuracy", "91.5");
            assertThat(trial.attributes()).containsEntry("late_state", "COMPLETE");
        }
    }

    @Test
    void deletingStudyCascades() throws Exception {
        try (Storage storage = Storages.openSqlite(file())) {
            storage.createStudy(StoreFixtures.study("s"));
            int number = storage.createTrial("s", "a", 1L, Map.of());
            storage.finishTrial("s", number, TrialState.COMPLETE, Map.of("accuracy", 1.0),
                    Map.of(), Optional.empty());
        }
        // Foreign keys are enforced only on connections that switch them on, as the store does.
        try (JdbcStorage storage = Storages.openSqlite(file())) {
            storage.database().write("delete", connection -> {
                try (Statement statement = connection.createStatement()) {
                    return statement.executeUpdate("DELETE FROM studies");
                }
            });
        }
        assertThat(query("SELECT COUNT(*) FROM trial_metrics")).isZero();
        assertThat(query("SELECT COUNT(*) FROM trials")).isZero();
    }

    @Test
    void summariesCountTrials() {
        try (Storage storage = Storages.openSqlite(file())) {
            storage.createStudy(StoreFixtures.study("b"));
            storage.createStudy(StoreFixtures.study("a"));
            for (int i = 0; i < 3; i++) {
                storage.createTrial("b", "x", i, Map.of());
            }
            storage.finishTrial("b", 1, TrialState.COMPLETE, Map.of("accuracy", 1.0), Map.of(),
                    Optional.empty());

            assertThat(storage.listStudies()).extracting(s -> s.config().name())
                    .containsExactly("a", "b");
            assertThat(storage.listStudies().get(1).totalTrials()).isEqualTo(3);
            assertThat(storage.listStudies().get(1).completedTrials()).isEqualTo(1);
            assertThat(storage.listStudies().get(0).totalTrials()).isZero();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private int query(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
