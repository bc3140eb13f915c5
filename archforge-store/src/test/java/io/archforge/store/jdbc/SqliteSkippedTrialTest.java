package io.archforge.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.storage.Storage;
import io.archforge.storage.TrialCounts;
import io.archforge.study.FrozenTrial;
import io.archforge.study.TrialState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A SKIPPED trial written to an SQLite file and read back after the store is reopened. */
class SqliteSkippedTrialTest {

    private static final Map<String, String> DECISION = Map.of(
            "predicted_mean", "71.25,3.5",
            "predicted_std", "0.5,0.125",
            "improvement_probability", "0.0123",
            "prune_risk", "0.05");

    @TempDir
    Path dir;

    @Test
    void skippedTrialSurvivesReopen() throws Exception {
        Path file = dir.resolve("studies.db");
        try (Storage storage = Storages.openSqlite(file)) {
            storage.createStudy(StoreFixtures.study("s"));
            int evaluated = storage.createTrial("s", "a", 1L, Map.of());
            storage.finishTrial("s", evaluated, TrialState.COMPLETE,
                    Map.of("accuracy", 90.0, "params", 1.5), Map.of(), Optional.empty());
            int skipped = storage.createTrial("s", "b", 2L, Map.of("strategy", "evolution"));
            storage.finishTrial("s", skipped, TrialState.SKIPPED, Map.of(), DECISION,
                    Optional.empty());
        }

        try (Storage storage = Storages.openSqlite(file)) {
            List<FrozenTrial> trials = storage.trials("s");
            FrozenTrial skipped = trials.get(1);
            assertThat(skipped.state()).isEqualTo(TrialState.SKIPPED);
            assertThat(skipped.architecture()).isEqualTo("b");
            assertThat(skipped.seed()).isEqualTo(2L);
            assertThat(skipped.metrics()).isEmpty();
            assertThat(skipped.attributes()).containsAllEntriesOf(DECISION)
                    .containsEntry("strategy", "evolution");
            assertThat(skipped.finished()).isPresent();
            assertThat(storage.counts("s")).isEqualTo(new TrialCounts(2, 1));
            assertThat(storage.listStudies().get(0).completedTrials()).isEqualTo(1);
            assertThat(storage.listStudies().get(0).totalTrials()).isEqualTo(2);
        }
        assertThat(storedState(file, 1)).isEqualTo("SKIPPED");
    }

    /** Reads the state column of trial {@code number} with plain JDBC. */
    private static String storedState(Path file, int number) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT state FROM trials WHERE number = " + number)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
