package io.archforge.app.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.app.cli.UsageException;
import io.archforge.fuzz.CleanFailures;
import io.archforge.fuzz.Deadline;
import io.archforge.fuzz.FuzzTries;
import io.archforge.fuzz.Mutations;
import io.archforge.fuzz.TempFolders;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Fuzzes {@link StorageLocation}, the reading of {@code --storage}: every value either
 * reads or fails with a {@link UsageException} that names the option, and a SQLite path
 * inside this class's temporary folder is either usable or rejected with one. Paths
 * outside that folder are only parsed, never probed.
 */
@AddLifecycleHook(FuzzTries.class)
class StorageLocationFuzzProperties {

    private static final Path FOLDER = TempFolders.create("archforge-location-fuzz");
    private static final String ALPHABET = "postgresqlite:/@.?&=%+-_~0123456789 \\";
    private static final String PASSWORD = "Pw7secretQ";

    @AfterContainer
    static void deleteFolder() {
        TempFolders.deleteQuietly(FOLDER);
    }

    @Property(tries = 300)
    void storageValueReadsOrFailsCleanly(@ForAll("values") String value) {
        Deadline.Outcome<StorageLocation> outcome =
                Deadline.run(value, () -> StorageLocation.parse(value));
        CleanFailures.collect(outcome);

        if (outcome.returned()) {
            StorageLocation location = outcome.value();
            // The password shows only where the value does not mark it as one.
            boolean marked = value.contains(":" + PASSWORD + "@")
                    && value.indexOf(PASSWORD) == value.lastIndexOf(PASSWORD);
            if (location.file().isEmpty() && marked) {
                assertThat(location.toString()).doesNotContain(PASSWORD);
            }
            location.file().filter(file -> file.startsWith(FOLDER)).ifPresent(file -> {
                Deadline.Outcome<Boolean> usable = Deadline.run(value, () -> {
                    location.requireUsable();
                    return true;
                });
                if (!usable.returned()) {
                    String message = CleanFailures.requireDocumented(usable,
                            UsageException.class, value);
                    assertThat(message).contains("--storage");
                }
            });
        } else {
            String message = CleanFailures.requireDocumented(outcome, UsageException.class,
                    value);
            assertThat(message).contains("--storage");
        }
    }

    @Provide
    Arbitrary<String> values() {
        return Mutations.around(List.of(
                "sqlite:" + FOLDER.resolve("studies.db"),
                FOLDER.resolve("a/b/studies.db").toString(),
                "sqlite:" + FOLDER.resolve("dir") + "/",
                "postgresql://nas:" + PASSWORD + "@127.0.0.1:5432/studies",
                "postgres://127.0.0.1/studies?user=nas",
                "~/.archforge/studies.db", "studies.db", " ", "sqlite:",
                "mysql://nas@127.0.0.1/studies"), ALPHABET);
    }
}
