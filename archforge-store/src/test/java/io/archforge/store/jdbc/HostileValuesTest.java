package io.archforge.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.archforge.storage.Storage;
import io.archforge.storage.StudySummary;
import io.archforge.study.FrozenTrial;
import io.archforge.study.IntermediateValue;
import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stores strings written to break SQL (quotes, {@code '; DROP TABLE trials; --},
 * backslashes, the {@code LIKE} wildcards {@code %} and {@code _}), unicode and very long
 * strings in every text field of a store, reads them back and requires them unchanged, and
 * checks afterwards that every table of the store is still there. Runs on SQLite, and on
 * PostgreSQL when {@code ARCHFORGE_TEST_POSTGRES} contains a store URL, in a schema of its own.
 */
class HostileValuesTest {

    private static final String POSTGRES_VARIABLE = "ARCHFORGE_TEST_POSTGRES";

    /** A million characters, far beyond any real architecture or error text. */
    private static final String LONG = "0123456789'\"\\%_".repeat(66_667);

    /** Texts for every field; each is also a valid study name except {@link #LONG}. */
    private static final List<String> TEXTS = List.of("it's", "\"double\"", "`tick`",
            "'; DROP TABLE trials; --", "\"; DROP TABLE studies; --", "'); DELETE FROM trials; --",
            "back\\slash\\", "\\'; DROP TABLE trials; --", "\\", "100%", "a%b_c", "%_%",
            "[x]*?", "$1 :name @p", "caf\u00e9 \u4e2d\u6587 \ud83d\ude00",
            "\u2028\u2029 \u202e\u0645", "0x27 '' \\x27");

    /** Tables a store has; none may be lost. */
    private static final Set<String> TABLES = Set.of("schema_version", "studies", "trials",
            "trial_metrics", "trial_intermediate", "evaluation_cache", "study_attributes",
            "trial_artifacts");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void storesHostileTextsExactly(String database) throws SQLException {
        Store store = open(database);
        try (Storage storage = Storages.open(store.url())) {
            Map<String, List<FrozenTrial>> written = new HashMap<>();
            for (String name : TEXTS) {
                storage.createStudy(config(name));
                written.put(name, fill(storage, name, texts(name)));
            }

            for (String name : TEXTS) {
                List<String> texts = texts(name);
                assertThat(storage.loadStudy(name)).as(name).contains(config(name));
                assertSameTrials(storage.trials(name), written.get(name), texts);
                assertThat(storage.studyAttributes(name)).as(name).isEqualTo(attributes(texts));
                assertThat(storage.artifactNames(name, 0)).as(name)
                        .containsExactlyInAnyOrderElementsOf(texts);
                String last = texts.get(texts.size() - 1);
                assertThat(storage.artifact(name, 0, last)).as(name).hasValueSatisfying(
                        bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8))
                                .isEqualTo(last));
            }
            assertThat(storage.listStudies()).extracting(StudySummary::config)
                    .extracting(StudyConfig::name).containsExactlyInAnyOrderElementsOf(TEXTS);
        } finally {
            assertTablesIntact(store, TEXTS.size());
            store.drop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void wildcardsMatchOnlyThemselves(String database) throws SQLException {
        Store store = open(database);
        try (Storage storage = Storages.open(store.url())) {
            for (String name : List.of("100%", "a%b_c", "_x_")) {
                storage.createStudy(config(name));
            }

            for (String probe : List.of("%", "_", "100_", "a_b_c", "a%", "%x%", "_y_", "100")) {
                assertThat(storage.loadStudy(probe)).as(probe).isEmpty();
            }
            assertThat(storage.loadStudy("a%b_c")).isPresent();
        } finally {
            assertTablesIntact(store, 3);
            store.drop();
        }
    }

    /**
     * Returns the texts that study {@code name} stores in its trials: every text and
     * {@link #LONG} for the first study, its own name for the others.
     */
    private static List<String> texts(String name) {
        return name.equals(TEXTS.get(0)) ? TEXTS : List.of(name);
    }

    /**
     * Creates one trial per text, with the text in every field, and, for more than one
     * text, a trial whose architecture and attribute are {@link #LONG}.
     */
    private static List<FrozenTrial> fill(Storage storage, String study, List<String> texts) {
        attributes(texts).forEach((key, value) -> storage.setStudyAttribute(study, key, value));
        List<FrozenTrial> trials = new ArrayList<>();
        for (String text : texts) {
            int number = storage.createTrial(study, text, trials.size(), Map.of(text, text));
            storage.reportIntermediate(study, number, 0, text, 0.25);
            storage.finishTrial(study, number, TrialState.FAILED, Map.of(text, 1.5),
                    Map.of("error_text", text), Optional.of(text));
            trials.add(storage.trial(study, number).orElseThrow());
        }
        for (String text : texts) {
            storage.putArtifact(study, 0, text, text.getBytes(StandardCharsets.UTF_8));
        }
        if (texts.size() > 1) {
            int number = storage.createTrial(study, LONG, 7, Map.of(LONG.substring(0, 1000),
                    LONG));
            storage.finishTrial(study, number, TrialState.COMPLETE, Map.of("accuracy", 0.5),
                    Map.of(), Optional.empty());
            trials.add(storage.trial(study, number).orElseThrow());
        }
        return trials;
    }

    private static void assertSameTrials(List<FrozenTrial> read, List<FrozenTrial> written,
            List<String> texts) {
        assertThat(read).hasSameSizeAs(written);
        for (int i = 0; i < written.size(); i++) {
            FrozenTrial expected = written.get(i);
            FrozenTrial actual = read.get(i);
            assertThat(actual.architecture()).isEqualTo(expected.architecture());
            assertThat(actual.attributes()).isEqualTo(expected.attributes());
            assertThat(actual.metrics()).isEqualTo(expected.metrics());
            assertThat(actual.error()).isEqualTo(expected.error());
            assertThat(actual.intermediate()).extracting(IntermediateValue::metric)
                    .isEqualTo(expected.intermediate().stream().map(IntermediateValue::metric)
                            .toList());
        }
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            FrozenTrial trial = read.get(i);
            assertThat(trial.architecture()).isEqualTo(text);
            assertThat(trial.attributes()).containsEntry(text, text)
                    .containsEntry("error_text", text);
            assertThat(trial.metrics()).containsEntry(text, 1.5);
            assertThat(trial.error()).contains(text);
            assertThat(trial.intermediate()).singleElement()
                    .extracting(IntermediateValue::metric).isEqualTo(text);
        }
        if (read.size() > texts.size()) {
            FrozenTrial last = read.get(texts.size());
            assertThat(last.architecture()).hasSize(LONG.length()).isEqualTo(LONG);
            assertThat(last.attributes()).containsEntry(LONG.substring(0, 1000), LONG);
        }
    }

    /** Returns a configuration with the name in every text field that a study config has. */
    private static StudyConfig config(String name) {
        return new StudyConfig(name, "nb201", name, Map.of(name, name, "dataset", "cifar10"),
                name, Map.of(name, name), List.of(Objective.maximize(name),
                        Objective.minimize("params")), 3, Optional.of(name), Map.of(name, name));
    }

    private static Map<String, String> attributes(List<String> texts) {
        Map<String, String> attributes = new HashMap<>();
        texts.forEach(text -> attributes.put(text, text + text));
        if (texts.size() > 1) {
            attributes.put("long", LONG);
        }
        return attributes;
    }

    /** Checks that every table of the store exists and that it contains the studies written. */
    private static void assertTablesIntact(Store store, int studies) throws SQLException {
        try (Connection connection = store.connect();
                Statement statement = connection.createStatement()) {
            assertThat(store.tables(connection)).containsAll(TABLES);
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM studies")) {
                rows.next();
                assertThat(rows.getInt(1)).as("studies").isEqualTo(studies);
            }
        }
    }

    private Store open(String database) throws SQLException {
        if (database.equals("sqlite")) {
            return new Sqlite(dir.resolve("hostile.db"));
        }
        String url = System.getenv(POSTGRES_VARIABLE);
        assumeTrue(url != null && !url.isBlank(), POSTGRES_VARIABLE + " is not set");
        return Postgres.create(url);
    }

    /** A store of one database kind, and a direct JDBC connection to it. */
    private interface Store {

        /** The storage location for {@link Storages#open}. */
        String url();

        Connection connect() throws SQLException;

        /** Returns the names of the store's tables. */
        Set<String> tables(Connection connection) throws SQLException;

        /** Removes what the test created outside its temporary folder. */
        void drop() throws SQLException;
    }

    private record Sqlite(Path file) implements Store {

        @Override
        public String url() {
            return "sqlite:" + file;
        }

        @Override
        public Connection connect() throws SQLException {
            return DriverManager.getConnection("jdbc:sqlite:" + file);
        }

        @Override
        public Set<String> tables(Connection connection) throws SQLException {
            Set<String> tables = new TreeSet<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
                rows.next();
                assertThat(rows.getString(1)).as("SQLite integrity check").isEqualTo("ok");
            }
            return tables;
        }

        @Override
        public void drop() {
            // The file lies in the test's temporary folder.
        }
    }

    private record Postgres(String base, String schema) implements Store {

        static Postgres create(String base) throws SQLException {
            Postgres store = new Postgres(base, "archforge_hostile_"
                    + UUID.randomUUID().toString().replace("-", ""));
            try (Connection connection = store.connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + store.schema());
            }
            return store;
        }

        @Override
        public String url() {
            return base + "?currentSchema=" + schema;
        }

        @Override
        public Connection connect() throws SQLException {
            PostgresUrl parsed = PostgresUrl.parse(url());
            return DriverManager.getConnection(parsed.jdbcUrl(), parsed.properties());
        }

        @Override
        public Set<String> tables(Connection connection) throws SQLException {
            Set<String> tables = new TreeSet<>();
            try (ResultSet rows = connection.getMetaData().getTables(null, schema, "%",
                    new String[] {"TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            return tables;
        }

        @Override
        public void drop() throws SQLException {
            try (Connection connection = connect();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
