package io.archforge.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import io.archforge.storage.StoreFullException;
import io.archforge.strategy.Strategies;
import io.archforge.study.Budget;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.StudyListener;
import io.archforge.study.TrialState;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that runs out of space: SQLite's {@code max_page_count} caps the file, so
 * writes fail with {@code SQLITE_FULL} as on a full disk. The study must stop with a
 * {@link StoreFullException}, and the store must reopen with every trial written before.
 */
class StoreFullTest {

    private static final CellSpace NB201 = CellSpace.nb201();
    private static final StudyConfig CONFIG = new StudyConfig("full", "nb201", "constant",
            Map.of(), "random", Map.of(), List.of(Objective.maximize("accuracy")), 9);
    /** Pages the capped store may grow by after the study was created. */
    private static final int SPARE_PAGES = 12;

    @TempDir
    Path dir;

    /** Reports accuracy and a long attribute, so that each trial takes some space. */
    private static final class ConstantEvaluator implements Evaluator {
        @Override
        public Set<String> metrics() {
            return Set.of("accuracy");
        }

        @Override
        public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
            return new Evaluation(Map.of("accuracy", (double) context.trialNumber()),
                    Map.of("note", "x".repeat(400)), Map.of());
        }
    }

    @Test
    void fullStoreStopsStudyAndReopens() throws Exception {
        Path file = dir.resolve("studies.db");
        long pages;
        try (JdbcStorage storage = SqliteFile.open(file)) {
            Study.open(storage, CONFIG, NB201, Strategies.create("random", Map.of()));
            pages = pageCount(storage);
        }

        // Write until the capped store is full.
        Properties capped = new Properties();
        capped.setProperty("max_page_count", Long.toString(pages + SPARE_PAGES));
        try (JdbcStorage storage = SqliteFile.open(file, capped)) {
            Study study = Study.open(storage, CONFIG, NB201,
                    Strategies.create("random", Map.of()));
            assertThatThrownBy(() -> study.optimize(new ConstantEvaluator(),
                    Budget.trials(100_000), StudyListener.NONE))
                    .isInstanceOfSatisfying(StoreFullException.class, e ->
                            assertThat(e.store()).isEqualTo(file.toString()))
                    .hasMessageStartingWith("the disk holding " + file + " is full (SQLite: ")
                    .hasMessageEndingWith("): free space, then resume with the same command")
                    .hasMessageNotContaining("\n");
        }

        // Every trial written before is intact, numbered without gaps.
        List<FrozenTrial> written;
        try (JdbcStorage storage = SqliteFile.open(file)) {
            written = storage.trials(CONFIG.name());
        }
        assertThat(written.size()).isGreaterThan(3);
        assertThat(written).extracting(FrozenTrial::number)
                .isEqualTo(IntStream.range(0, written.size()).boxed().toList());
        List<FrozenTrial> complete = written.stream()
                .filter(t -> t.state() == TrialState.COMPLETE).toList();
        assertThat(complete.size()).isGreaterThanOrEqualTo(written.size() - 1);
        assertThat(complete).allSatisfy(t -> {
            assertThat(t.metrics()).containsEntry("accuracy", (double) t.number());
            assertThat(t.attributes()).containsEntry("note", "x".repeat(400));
        });

        // With space again, the same study resumes and reaches a larger budget.
        try (JdbcStorage storage = SqliteFile.open(file)) {
            Study resumed = Study.open(storage, CONFIG, NB201,
                    Strategies.create("random", Map.of()));
            assertThat(resumed.trials()).noneMatch(t -> t.state() == TrialState.RUNNING);
            int finished = resumed.finishedCount();
            resumed.optimize(new ConstantEvaluator(), Budget.trials(finished + 3),
                    StudyListener.NONE);
            assertThat(resumed.finishedCount()).isEqualTo(finished + 3);
        }
    }

    private static long pageCount(JdbcStorage storage) throws SQLException {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:"
                + storage.location());
                var statement = connection.createStatement();
                var rows = statement.executeQuery("PRAGMA page_count")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void sqliteFullCodeIsTranslated() {
        SQLException full = new SQLException("[SQLITE_FULL] Insertion failed because database "
                + "is full (database or disk is full)", null, 13);
        SQLException ioError = new SQLException("[SQLITE_IOERR_WRITE] disk I/O error", null, 778);

        assertThat(DiskFull.translate(new SqliteDialect(), "/data/studies.db",
                "finish trial 3 of study 'x'", full)).get()
                .extracting(Throwable::getMessage).asString()
                .isEqualTo("the disk holding /data/studies.db is full (SQLite: [SQLITE_FULL] "
                        + "Insertion failed because database is full (database or disk is "
                        + "full), while trying to finish trial 3 of study 'x'): free space, "
                        + "then resume with the same command");
        // The temporary folder has space, so an I/O error there is no full disk.
        assertThat(DiskFull.translate(new SqliteDialect(), dir.resolve("s.db").toString(),
                "write", ioError)).isEmpty();
    }

    @Test
    void postgresDiskFullIsTranslated() {
        String store = "postgresql://archforge@127.0.0.1:5432/studies";
        SQLException diskFull = new SQLException("ERROR: could not extend file "
                + "\"base/16384/16397\": No space left on device\n  Hint: Check free disk "
                + "space.", "53100");
        SQLException tooManyConnections = new SQLException("FATAL: sorry, too many clients "
                + "already", "53300");

        assertThat(DiskFull.translate(new PostgresDialect(), store, "create a trial",
                diskFull)).get().satisfies(e -> {
                    assertThat(e.store()).isEqualTo(store);
                    assertThat(e.getMessage()).startsWith("the disk of PostgreSQL store "
                            + store + " is full (server: ERROR: could not extend file")
                            .endsWith("free space on the database server, then resume "
                                    + "with the same command")
                            .doesNotContain("\n", "Hint");
                });
        assertThat(DiskFull.translate(new PostgresDialect(), store, "create a trial",
                tooManyConnections)).isEmpty();
    }
}
