package io.archforge.benchmarks.tables;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The source tables the shipped resources were converted from, for tests that check
 * the resources against them. The directory is the system property
 * {@code archforge.tables.source}; by default the data folder that sits beside the
 * project directory, {@code ../shared/data}, with {@code transnas101} and
 * {@code nasbench_graph} below it.
 */
final class TableSourceData {

    private static final String DEFAULT_DIRECTORY = Path.of(
            System.getProperty("archforge.project.dir", "."), "..", "shared", "data")
            .normalize().toString();

    private TableSourceData() {
    }

    /** Returns the source file {@code relative}, or skips the calling test when it is missing. */
    static Path file(String relative) {
        Path directory = Path.of(System.getProperty("archforge.tables.source", DEFAULT_DIRECTORY));
        Path file = directory.resolve(relative);
        assumeTrue(Files.isRegularFile(file), () -> "assumes the source table " + file
                + " exists; set -Darchforge.tables.source=DIR to point at its directory");
        return file;
    }
}
