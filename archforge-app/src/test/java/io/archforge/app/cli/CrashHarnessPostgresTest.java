package io.archforge.app.cli;

import io.archforge.app.reliability.CrashHarness;
import io.archforge.app.reliability.CrashReport;
import io.archforge.app.reliability.CrashStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short crash run of {@link CrashHarnessTest} on PostgreSQL: every study and its
 * reference share one database schema, and with it the evaluation cache.
 */
@EnabledIfEnvironmentVariable(named = "ARCHFORGE_TEST_POSTGRES", matches = ".+")
class CrashHarnessPostgresTest {

    @TempDir
    Path logs;

    private final String schema = "archforge_crash_" + Long.toHexString(System.nanoTime());

    @AfterEach
    void dropSchema() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    @Test
    void killedPostgresSearchesLoseNothing() throws Exception {
        execute("CREATE SCHEMA " + schema);
        String url = System.getenv("ARCHFORGE_TEST_POSTGRES") + "?currentSchema=" + schema;

        CrashReport report = new CrashHarness(CrashHarnessTest.settings(
                new CrashStore.Shared(url), logs)).run();

        CrashHarnessTest.assertPromisesHeld(report);
    }

    /** Runs one statement on the test server, as the PostgreSQL JDBC driver takes its URL. */
    private static void execute(String sql) throws SQLException {
        java.net.URI uri = java.net.URI.create(System.getenv("ARCHFORGE_TEST_POSTGRES"));
        String[] credentials = Optional.ofNullable(uri.getUserInfo()).orElse("").split(":", 2);
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort() + uri.getPath();
        try (Connection connection = DriverManager.getConnection(jdbc, credentials[0],
                credentials.length > 1 ? credentials[1] : "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
