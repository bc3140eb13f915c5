package io.archforge.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.storage.Storage;
import io.archforge.storage.StorageContractTest;
import io.archforge.storage.StorageException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The storage contract against a PostgreSQL server, run when the environment
 * variable {@code ARCHFORGE_TEST_POSTGRES} contains a store URL such as
 * {@code postgresql://nas@127.0.0.1:5432/studies}. Each test works in a schema
 * of its own; the schemas are dropped after the last test.
 */
@EnabledIfEnvironmentVariable(named = PostgresStorageContractTest.URL_VARIABLE, matches = ".+")
class PostgresStorageContractTest extends StorageContractTest {

    static final String URL_VARIABLE = "ARCHFORGE_TEST_POSTGRES";

    private static final List<String> SCHEMAS = new ArrayList<>();

    @Override
    protected Storage newStorage(Path dir) {
        String schema = "archforge_test_" + Integer.toHexString(dir.toString().hashCode());
        execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        synchronized (SCHEMAS) {
            SCHEMAS.add(schema);
        }
        return Storages.open(url() + "?currentSchema=" + schema);
    }

    private static String url() {
        return System.getenv(URL_VARIABLE);
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

    @Test
    void locationHidesPassword() {
        assertThat(storage.location()).startsWith("postgresql://").doesNotContain("password");
    }

    @Test
    void newerSchemaIsRejected() {
        storage.createStudy(config("s"));
        String schema = "archforge_test_" + Integer.toHexString(dir.toString().hashCode());
        execute("INSERT INTO " + schema + ".schema_version (version, applied)"
                + " VALUES (99, 'later')");

        assertThatThrownBy(() -> newStorage(dir))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("schema version 99");
    }
}
