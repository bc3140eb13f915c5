package io.archforge.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.storage.Storage;
import io.archforge.storage.StorageException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Transactions that meet a lock held by another connection: they wait while it is
 * held briefly, and fail with one message naming the store and the fix once it is held
 * past the retry limit. Limits here are short so that the tests run in seconds.
 */
class StoreRetryTest {

    private static final RetryPolicy SHORT = new RetryPolicy(Duration.ofSeconds(1),
            Duration.ofMillis(10), Duration.ofMillis(200));

    @TempDir
    Path dir;

    @Test
    void briefLockIsWaitedFor() throws Exception {
        Path file = createStore();
        RetryPolicy patient = new RetryPolicy(Duration.ofSeconds(20), Duration.ofMillis(10),
                Duration.ofMillis(200));
        try (Connection holder = lockSqlite(file);
                JdbcStorage storage = openSqlite(file, patient)) {
            Thread release = new Thread(() -> commitAfter(holder, 1000));
            long start = System.nanoTime();
            release.start();

            int number = storage.createTrial("s", "arch", 1, Map.of());

            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            release.join();
            assertThat(number).isZero();
            assertThat(waitedMillis).isGreaterThanOrEqualTo(900);
            assertThat(storage.database().retryStats().transactions()).isPositive();
        }
    }

    @Test
    void defaultStoreWaitsWithoutRetry() throws Exception {
        Path file = createStore();
        try (Connection holder = lockSqlite(file);
                JdbcStorage storage = Storages.openSqlite(file)) {
            Thread release = new Thread(() -> commitAfter(holder, 1000));
            release.start();

            int number = storage.createTrial("s", "arch", 1, Map.of());

            release.join();
            assertThat(number).isZero();
            assertThat(storage.database().retryStats().transactions())
                    .as("transactions retried after a lock wait of 1 s").isZero();
        }
    }

    @Test
    void lockPastLimitNamesFileAndFix() throws Exception {
        Path file = createStore();
        try (Connection holder = lockSqlite(file);
                JdbcStorage storage = openSqlite(file, SHORT)) {
            long start = System.nanoTime();

            assertThatThrownBy(() -> storage.createTrial("s", "arch", 1, Map.of()))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("SQLite store " + file)
                    .hasMessageContaining("failed to create a trial in study 's' after")
                    .hasMessageContaining("fuser " + file);

            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(waitedMillis).isBetween(1000L, 10_000L);
            holder.createStatement().execute("ROLLBACK");
        }
        try (Storage storage = Storages.open(file.toString())) {
            assertThat(storage.trials("s")).isEmpty();
        }
    }

    @Test
    void busyWaitStopsAtItsLimit() throws Exception {
        SqliteBusyWait wait = new SqliteBusyWait(Duration.ofMillis(50));

        int first = wait.callback(0);
        Thread.sleep(60);
        int late = wait.callback(7);
        int fresh = wait.callback(0);

        assertThat(first).isEqualTo(1);
        assertThat(late).isZero();
        assertThat(fresh).isEqualTo(1);
    }

    @Test
    void retryPauseDoublesWithJitter() {
        RetryPolicy policy = new RetryPolicy(Duration.ofMinutes(1), Duration.ofMillis(10),
                Duration.ofSeconds(1));
        SplittableRandom random = new SplittableRandom(3);

        for (int draw = 0; draw < 200; draw++) {
            assertThat(policy.pauseMillis(1, random)).isBetween(5L, 10L);
            assertThat(policy.pauseMillis(3, random)).isBetween(20L, 40L);
            assertThat(policy.pauseMillis(40, random)).isBetween(500L, 1000L);
        }
        assertThat(policy.allowsRetryAfter(Duration.ofSeconds(59))).isTrue();
        assertThat(policy.allowsRetryAfter(Duration.ofSeconds(60))).isFalse();
    }

    @Test
    void sqliteTransientErrorsRecognised() {
        SqliteDialect dialect = new SqliteDialect();

        assertThat(dialect.isTransient(sqlite(5, "database is locked"))).isTrue();
        assertThat(dialect.isTransient(sqlite(517, "BUSY_SNAPSHOT"))).isTrue();
        assertThat(dialect.isTransient(sqlite(6, "database table is locked"))).isTrue();
        assertThat(dialect.isTransient(sqlite(2067,
                "UNIQUE constraint failed: trials.study_id, trials.number"))).isTrue();
        assertThat(dialect.isTransient(sqlite(2067, "UNIQUE constraint failed: studies.name")))
                .isFalse();
        assertThat(dialect.isTransient(sqlite(1, "no such table: trials"))).isFalse();
    }

    @Test
    void postgresTransientErrorsRecognised() {
        PostgresDialect dialect = new PostgresDialect();

        for (String state : new String[] {"40001", "40P01", "55P03", "53300", "57P03"}) {
            assertThat(dialect.isTransient(new SQLException("x", state))).as(state).isTrue();
        }
        assertThat(dialect.isTransient(uniqueViolation("trials_study_id_number_key"))).isTrue();
        assertThat(dialect.isTransient(uniqueViolation("studies_name_key"))).isFalse();
        assertThat(dialect.isTransient(new SQLException("x", "42P01"))).isFalse();
        assertThat(dialect.retryLimitAdvice(new SQLException("x", "53300"), "db"))
                .contains("max_connections");
    }

    @Test
    @EnabledIfEnvironmentVariable(named = PostgresStorageContractTest.URL_VARIABLE,
            matches = ".+")
    void postgresLockPastLimitNamesFix() throws Exception {
        String schema = "archforge_retry_" + Long.toHexString(System.nanoTime());
        String spec = System.getenv(PostgresStorageContractTest.URL_VARIABLE)
                + "?currentSchema=" + schema;
        PostgresUrl url = PostgresUrl.parse(spec);
        try (Connection admin = DriverManager.getConnection(url.jdbcUrl(), url.properties())) {
            admin.createStatement().execute("CREATE SCHEMA " + schema);
            try {
                assertLockPastLimitFails(spec, url);
            } finally {
                admin.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static void assertLockPastLimitFails(String spec, PostgresUrl url)
            throws SQLException {
        try (Storage storage = Storages.open(spec)) {
            storage.createStudy(StoreFixtures.study("s"));
        }
        Properties properties = url.properties();
        // A lock wait ends after 200 ms with SQLSTATE 55P03, which the store retries.
        properties.setProperty("options", "-c lock_timeout=200");
        Database database = new Database(url.jdbcUrl(), properties, new PostgresDialect(),
                url.display(), SHORT);
        try (Connection holder = DriverManager.getConnection(url.jdbcUrl(), url.properties());
                JdbcStorage storage = new JdbcStorage(database)) {
            holder.setAutoCommit(false);
            holder.createStatement().execute("SELECT id FROM studies FOR UPDATE");

            assertThatThrownBy(() -> storage.createTrial("s", "arch", 1, Map.of()))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("failed to create a trial in study 's' after")
                    .hasMessageContaining("pg_stat_activity");
            holder.rollback();
        }
    }

    private Path createStore() {
        Path file = dir.resolve("studies.db");
        try (Storage storage = Storages.open(file.toString())) {
            storage.createStudy(StoreFixtures.study("s"));
        }
        return file;
    }

    /** Opens a connection that holds the write lock of {@code file} until it commits. */
    private static Connection lockSqlite(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
        }
        return connection;
    }

    private static JdbcStorage openSqlite(Path file, RetryPolicy policy) {
        SqliteDialect dialect = new SqliteDialect(Duration.ofMillis(100), WalLimit.LIMIT_BYTES);
        Database database = new Database("jdbc:sqlite:" + file, new Properties(), dialect,
                file.toString(), policy);
        return new JdbcStorage(database);
    }

    private static void commitAfter(Connection connection, long millis) {
        try {
            Thread.sleep(millis);
            connection.createStatement().execute("COMMIT");
        } catch (InterruptedException | SQLException e) {
            throw new IllegalStateException("could not release the test lock", e);
        }
    }

    private static SQLException sqlite(int code, String message) {
        return new SQLException(message, null, code);
    }

    private static PSQLException uniqueViolation(String constraint) {
        return new PSQLException(new ServerErrorMessage("SERROR\u0000C23505\u0000Mduplicate key"
                + " value violates unique constraint \"" + constraint + "\"\u0000n" + constraint
                + "\u0000"));
    }
}
