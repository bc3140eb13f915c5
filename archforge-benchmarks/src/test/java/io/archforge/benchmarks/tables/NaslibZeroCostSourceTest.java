package io.archforge.benchmarks.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Converts NASLib's JSON files again and compares the result with the shipped resources.
 * The files are read from the directory in the system property
 * {@code archforge.naslib.source}, by default the data folder beside the project
 * directory, and the tests are skipped when a file is missing.
 */
class NaslibZeroCostSourceTest {

    private static final Path DEFAULT_DIRECTORY = Path.of(
            System.getProperty("archforge.project.dir", "."), "..", "shared", "data")
            .normalize();

    @Test
    void nb101ResourceMatchesSource() throws IOException {
        Path json = source("nb101/zc_nasbench101_500.json");

        assertThat(NaslibZeroCostConverter.convert("nb101", json))
                .isEqualTo(resource(Nb101Table.RESOURCE));
    }

    @Test
    void nb301ResourceMatchesSource() throws IOException {
        Path json = source("nb301/zc_nasbench301_725.json");

        assertThat(NaslibZeroCostConverter.convert("nb301", json))
                .isEqualTo(resource(Nb301Table.RESOURCE));
    }

    @Test
    void nb101ProxiesAreJsonScores() throws IOException {
        Map<?, ?> entries = (Map<?, ?>) field(read("nb101/zc_nasbench101_500.json"),
                "nasbench101", "cifar10");
        Set<Object> fields = new HashSet<>(((Map<?, ?>) first(entries)).keySet());
        fields.remove("val_accuracy");

        assertThat(Nb101Table.load().proxies().keySet()).isEqualTo(fields);
    }

    @Test
    void nb301ProxiesAreJsonScores() throws IOException {
        Map<?, ?> entries = (Map<?, ?>) field(read("nb301/zc_nasbench301_725.json"),
                "cifar10");
        Set<Object> fields = new HashSet<>(((Map<?, ?>) first(entries)).keySet());
        fields.removeAll(Set.of("val_accuracy", "idx", "arch"));

        assertThat(Nb301Table.load().proxies().keySet()).isEqualTo(fields);
    }

    private static Object read(String file) throws IOException {
        return new NaslibZeroCostConverter.JsonReader(Files.readString(source(file))).read();
    }

    private static Object field(Object json, String... path) {
        Object value = json;
        for (String key : path) {
            value = ((Map<?, ?>) value).get(key);
        }
        return value;
    }

    private static Object first(Map<?, ?> entries) {
        return entries.values().iterator().next();
    }

    private static Path source(String file) {
        Path directory = Path.of(System.getProperty("archforge.naslib.source",
                DEFAULT_DIRECTORY.toString()));
        Path path = directory.resolve(file);
        assumeTrue(Files.isRegularFile(path), () -> "assumes NASLib's zero-cost file " + path
                + " exists; set -Darchforge.naslib.source=DIR to point at it");
        return path;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = new GZIPInputStream(
                NaslibZeroCostSourceTest.class.getResourceAsStream(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
