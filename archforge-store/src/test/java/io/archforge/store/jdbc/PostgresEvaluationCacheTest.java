package io.archforge.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.eval.Evaluation;
import io.archforge.eval.cache.EvaluationCache;
import io.archforge.eval.cache.EvaluationCacheContractTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The evaluation cache contract against a PostgreSQL server, run when the environment
 * variable {@code ARCHFORGE_TEST_POSTGRES} contains a store URL such as
 * {@code postgresql://nas@127.0.0.1:5432/studies}. Each test works in a schema of its
 * own, and the schemas are dropped after the last test.
 */
@EnabledIfEnvironmentVariable(named = PostgresStorageContractTest.URL_VARIABLE, matches = ".+")
class PostgresEvaluationCacheTest extends EvaluationCacheContractTest {

    private static final List<String> SCHEMAS = new ArrayList<>();

    private final List<JdbcStorage> opened = new ArrayList<>();

    @Override
    protected EvaluationCache openCache(Path dir) {
        String schema = schema(dir);
        execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        synchronized (SCHEMAS) {
            SCHEMAS.add(schema);
        }
        JdbcStorage storage = Storages.open(url() + "?currentSchema=" + schema);
        opened.add(storage);
        return storage.evaluationCache();
    }

    @Override
    protected void closeCaches() {
        opened.forEach(JdbcStorage::close);
        opened.clear();
    }

    private static String schema(Path dir) {
        return "archforge_cache_test_" + Integer.toHexString(dir.toString().hashCode());
    }

    @Test
    void versionOneSchemaGainsCacheTable() {
        closeCaches();
        String schema = schema(dir) + "_v1";
        execute("CREATE SCHEMA " + schema);
        synchronized (SCHEMAS) {
            SCHEMAS.add(schema);
        }
        execute("CREATE TABLE " + schema + ".schema_version (version INTEGER PRIMARY KEY,"
                + " applied TEXT NOT NULL)");
        for (String sql : Schema.migrations(new PostgresDialect()).get(0).statements()) {
            execute("SET search_path TO " + schema + "; " + sql);
        }
        execute("INSERT INTO " + schema + ".schema_version VALUES (1, '2026-11-01T00:00:00Z')");

        try (JdbcStorage storage = Storages.open(url() + "?currentSchema=" + schema)) {
            storage.evaluationCache().put(key("a"), Evaluation.of(Map.of("accuracy", 50.0)));
            assertThat(storage.evaluationCache().get(key("a"))).isPresent();
        }
    }

    private static String url() {
        return System.getenv(PostgresStorageContractTest.URL_VARIABLE);
    }

    private static void execute(String sql) {
        PostgresUrl url = PostgresUrl.parse(url());
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl(),
                url.properties());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test setup failed on " + url + ": " + sql, e);
        }
    }

    @AfterAll
    static void dropSchemas() {
        synchronized (SCHEMAS) {
            for (String schema : SCHEMAS) {
                execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
