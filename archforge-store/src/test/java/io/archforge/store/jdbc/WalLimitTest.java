package io.archforge.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.storage.Storage;
import io.archforge.study.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-ahead log of an SQLite store grows while a reader keeps an old snapshot, and
 * is emptied by the first write after the reader has gone. SQLite alone would keep the
 * file at its largest size.
 */
class WalLimitTest {

    private static final long LIMIT_BYTES = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void logEmptiedAfterReaderLeaves() throws Exception {
        Path file = dir.resolve("studies.db");
        try (Storage storage = Storages.open(file.toString())) {
            storage.createStudy(StoreFixtures.study("s"));
        }
        Path log = dir.resolve("studies.db-wal");
        Database database = new Database("jdbc:sqlite:" + file, new Properties(),
                new SqliteDialect(Duration.ofMillis(100), LIMIT_BYTES), file.toString());
        try (JdbcStorage storage = new JdbcStorage(database)) {
            try (Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement statement = reader.createStatement()) {
                // The open read transaction pins the snapshot it first read.
                statement.execute("BEGIN");
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM trials")) {
                    rows.next();
                }
                writeTrials(storage, 200);
                assertThat(Files.size(log)).as("log size while the reader stays")
                        .isGreaterThan(LIMIT_BYTES);
                statement.execute("COMMIT");
            }

            Thread.sleep(WalLimit.MIN_INTERVAL.toMillis() + 100);
            writeTrials(storage, 1);

            // The trial's creation empties the file, and its finish writes a few pages.
            assertThat(Files.size(log)).as("log size after the next trial")
                    .isLessThan(LIMIT_BYTES);
            assertThat(storage.trials("s")).hasSize(201);
        }
    }

    private static void writeTrials(Storage storage, int count) {
        for (int i = 0; i < count; i++) {
            int number = storage.createTrial("s", "arch-" + i, i, Map.of("worker", "test"));
            storage.finishTrial("s", number, TrialState.COMPLETE, Map.of("accuracy", 0.5),
                    Map.of(), Optional.empty());
        }
    }
}
