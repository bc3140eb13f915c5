package io.archforge.benchmarks.nb201;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CSV tables the shipped resource was converted from, for tests that check the
 * resource and the cost formulas against them. The directory is the system property
 * {@code archforge.nb201.source}; by default the data folder that sits beside the
 * project directory, {@code ../shared/data/nb201}.
 */
final class Nb201SourceData {

    private static final String DEFAULT_DIRECTORY = Path.of(
            System.getProperty("archforge.project.dir", "."), "..", "shared", "data", "nb201")
            .normalize().toString();

    private Nb201SourceData() {
    }

    /** Returns the directory, or skips the calling test when {@code file} is missing from it. */
    static Path directoryWith(String file) {
        Path directory = Path.of(System.getProperty("archforge.nb201.source", DEFAULT_DIRECTORY));
        assumeTrue(Files.isRegularFile(directory.resolve(file)),
                () -> "assumes the NAS-Bench-201 source table " + directory.resolve(file)
                        + " exists; set -Darchforge.nb201.source=DIR to point at it");
        return directory;
    }
}
