package io.archforge.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.eval.Evaluation;
import io.archforge.eval.cache.EvaluationCache;
import io.archforge.eval.cache.EvaluationCacheContractTest;
import io.archforge.storage.StorageException;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The evaluation cache contract on a real SQLite file, and the schema upgrade that adds it. */
class SqliteEvaluationCacheTest extends EvaluationCacheContractTest {

    private final List<JdbcStorage> opened = new ArrayList<>();

    private Path file() {
        return dir.resolve("studies.db");
    }

    @Override
    protected EvaluationCache openCache(Path dir) {
        JdbcStorage storage = Storages.openSqlite(dir.resolve("studies.db"));
        opened.add(storage);
        return storage.evaluationCache();
    }

    @Override
    protected void closeCaches() {
        opened.forEach(JdbcStorage::close);
        opened.clear();
    }

    @Test
    void closedStoreRejectsCacheCalls() {
        closeCaches();

        assertThatThrownBy(() -> cache.get(key("a")))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void versionOneStoreGainsCacheTable() throws Exception {
        closeCaches();
        Files.delete(file());
        StudyConfig config = StoreFixtures.study("old");
        writeVersionOneStore(config);

        try (JdbcStorage storage = Storages.openSqlite(file())) {
            assertThat(storage.loadStudy("old")).contains(config);
            assertThat(storage.trial("old", 0).orElseThrow().state())
                    .isEqualTo(TrialState.COMPLETE);
            storage.evaluationCache().put(key("a"), Evaluation.of(Map.of("accuracy", 50.0)));
            assertThat(storage.evaluationCache().get(key("a"))).isPresent();
        }
        assertThat(query("SELECT MAX(version) FROM schema_version"))
                .isEqualTo(Schema.currentVersion(new SqliteDialect()))
                .isGreaterThan(1);
        assertThat(query("SELECT COUNT(*) FROM evaluation_cache")).isEqualTo(1);
    }

    /**
     * Writes a store as version 1 left it: its tables, one study and one finished trial,
     * with schema version 1 and no evaluation cache table.
     */
    private void writeVersionOneStore(StudyConfig config) throws SQLException {
        Schema.Migration first = Schema.migrations(new SqliteDialect()).get(0);
        assertThat(first.version()).isEqualTo(1);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY,"
                    + " applied TEXT NOT NULL)");
            for (String sql : first.statements()) {
                statement.execute(sql);
            }
            statement.execute("INSERT INTO schema_version VALUES (1, '2026-11-01T00:00:00Z')");
            statement.execute("INSERT INTO studies (name, config, created) VALUES ('old', '"
                    + StudyConfigJson.write(config).replace("'", "''")
                    + "', '2026-11-01T00:00:00Z')");
            statement.execute("INSERT INTO trials (study_id, number, state, architecture, seed,"
                    + " started, finished, attributes) VALUES (1, 0, 'COMPLETE', 'a', 3,"
                    + " '2026-11-01T00:00:01Z', '2026-11-01T00:00:02Z', '{}')");
            statement.execute("INSERT INTO trial_metrics VALUES (1, 'accuracy', 71.5)");
        }
        assertThat(query("SELECT COUNT(*) FROM sqlite_master WHERE name = 'evaluation_cache'"))
                .isZero();
    }

    @Test
    void studiesOfOneStoreShareEntries() {
        closeCaches();
        try (JdbcStorage storage = Storages.openSqlite(file())) {
            storage.createStudy(StoreFixtures.study("first"));
            storage.evaluationCache().put(key("a"), Evaluation.of(Map.of("accuracy", 61.0)));
        }
        try (JdbcStorage storage = Storages.open("sqlite:" + file())) {
            storage.createStudy(StoreFixtures.study("second"));
            assertThat(storage.evaluationCache().get(key("a")).orElseThrow().metrics())
                    .containsEntry("accuracy", 61.0);
            storage.createTrial("second", "a", 1L, Map.of());
            storage.finishTrial("second", 0, TrialState.COMPLETE, Map.of("accuracy", 61.0),
                    Map.of("cache", "hit"), Optional.empty());
            assertThat(storage.trial("second", 0).orElseThrow().attributes())
                    .containsEntry("cache", "hit");
        }
    }

    @Test
    void processesPutSameKeys() throws Exception {
        closeCaches();
        int keys = 200;
        List<Process> children = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            children.add(ChildJvm.start(CacheWorker.class, dir.resolve("out" + c + ".txt"),
                    dir.resolve("err" + c + ".txt"), file().toString(), Integer.toString(c),
                    Integer.toString(keys)));
        }
        for (int c = 0; c < 2; c++) {
            assertThat(children.get(c).waitFor(60, TimeUnit.SECONDS)).as("child %d ended", c)
                    .isTrue();
            String errors = Files.readString(dir.resolve("err" + c + ".txt"));
            assertThat(children.get(c).exitValue()).as("exit code; stderr: %s", errors).isZero();
            assertThat(Files.readAllLines(dir.resolve("out" + c + ".txt"))).containsExactly("done");
        }

        assertThat(query("SELECT COUNT(*) FROM evaluation_cache")).isEqualTo(keys);
        cache = openCache(dir);
        for (int k = 0; k < keys; k++) {
            assertThat(cache.get(CacheWorker.key(k)).orElseThrow().metrics().get("accuracy"))
                    .isIn(0.0, 1.0);
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
