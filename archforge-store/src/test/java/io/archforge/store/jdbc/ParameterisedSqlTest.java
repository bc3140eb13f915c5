package io.archforge.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Checks that the store builds no SQL text from values: every SQL text that its main
 * sources hand to JDBC must trace back to compile-time constants (see
 * {@link SqlOrigins}), and values travel as bound parameters. A second test proves that
 * the check finds values concatenated into SQL.
 */
class ParameterisedSqlTest {

    private static final Path SOURCES = Path.of("src/main/java/io/archforge/store/jdbc");

    /** Calls that concatenate values into SQL in every way the check must catch. */
    private static final String UNSAFE = """
            package bad;

            import java.sql.Connection;
            import java.sql.SQLException;
            import java.sql.Statement;
            import java.util.List;

            public final class Unsafe {
                private String table = "trials";

                public void byName(Connection c, String name) throws SQLException {
                    c.prepareStatement("SELECT * FROM studies WHERE name = '" + name + "'");
                }

                public void throughLocal(Connection c, String name) throws SQLException {
                    String sql = "DELETE FROM trials WHERE study = ";
                    sql += name.strip();
                    try (Statement s = c.createStatement()) {
                        s.execute(sql);
                    }
                }

                public void throughLoop(Statement s, List<String> names) throws SQLException {
                    for (String n : names) {
                        s.addBatch("INSERT INTO t VALUES ('" + n + "')");
                    }
                }

                public void throughHelper(Connection c, String key) throws SQLException {
                    c.prepareCall(where(key));
                }

                private static String where(String key) {
                    return "SELECT 1 WHERE k = " + key;
                }

                public void throughBuilder(Statement s, int limit) throws SQLException {
                    s.executeQuery(new StringBuilder("SELECT 1 LIMIT ").append(limit).toString());
                }

                public void throughField(Statement s, String other) throws SQLException {
                    table = other;
                    s.executeUpdate("DROP TABLE " + table);
                }

                public void safe(Connection c, boolean all) throws SQLException {
                    c.prepareStatement("SELECT id FROM trials" + (all ? "" : " WHERE id = ?"));
                    c.nativeSQL(Safe.SQL);
                }

                private static final class Safe {
                    static final String SQL = "SELECT " + 1 + " FROM studies";
                }
            }
            """;

    @Test
    void storeSqlIsParameterised() throws IOException {
        SqlOrigins.Report report = SqlOrigins.check(sources(), classPath());

        assertThat(report.calls()).as("JDBC calls found in " + SOURCES).hasSizeGreaterThan(40);
        assertThat(report.calls()).anyMatch(call -> call.startsWith("Schema.java"))
                .anyMatch(call -> call.startsWith("TrialReader.java"))
                .anyMatch(call -> call.startsWith("SqliteDialect.java"));
        assertThat(report.findings()).as("SQL built from values").isEmpty();
    }

    @Test
    void concatenatedValuesAreFound() {
        SqlOrigins.Report report = SqlOrigins.check(List.of(source("bad/Unsafe.java", UNSAFE)),
                classPath());

        assertThat(report.calls()).hasSize(8);
        assertThat(report.findings()).extracting(finding -> finding.call().split("[: ]")[1])
                .as("lines of the unsafe calls").containsExactlyInAnyOrder("12", "19", "25",
                        "30", "38", "43");
        assertThat(report.findings()).anyMatch(finding -> finding.reason().contains(
                "name is a parameter of byName, which other packages can call"));
        assertThat(report.findings()).anyMatch(finding -> finding.reason().contains(
                "calls java.lang.StringBuilder.toString"));
    }

    private static List<JavaFileObject> sources() throws IOException {
        assertThat(SOURCES).isDirectory();
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted()
                    .map(file -> source(file.toString(), readString(file))).toList();
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static String classPath() {
        return System.getProperty("java.class.path");
    }

    private static JavaFileObject source(String name, String text) {
        return new SimpleJavaFileObject(URI.create("string:///" + name),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
    }
}
