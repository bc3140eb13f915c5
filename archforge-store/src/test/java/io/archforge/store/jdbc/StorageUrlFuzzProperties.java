package io.archforge.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.fuzz.CleanFailures;
import io.archforge.fuzz.Deadline;
import io.archforge.fuzz.FuzzTries;
import io.archforge.fuzz.Mutations;
import io.archforge.fuzz.TempFolders;
import io.archforge.storage.StorageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes the store locations of {@code --storage}: random text and mutations of
 * {@code postgresql://}, {@code sqlite:} and plain-path locations. Each either parses or
 * fails with a {@link StorageException} whose message does not show the password. Only
 * two kinds are opened: SQLite files inside this class's temporary folder, and
 * PostgreSQL URLs of 127.0.0.1 at a port where nothing listens, which must fail fast
 * as unreachable. No other host is ever contacted.
 */
@AddLifecycleHook(FuzzTries.class)
class StorageUrlFuzzProperties {

    private static final String PASSWORD = "Pw7secretQ";
    private static final String ALPHABET = "postgresqlite:/@.?&=%+-_[]~0123456789 \\";
    private static final Path FOLDER = TempFolders.create("archforge-store-fuzz");
    private static final int CLOSED_PORT = closedPort();

    /** The time a refused connection or a new SQLite file may take. */
    private static final Duration OPEN = Duration.ofSeconds(20);

    @AfterContainer
    static void deleteFolder() {
        TempFolders.deleteQuietly(FOLDER);
    }

    @Property(tries = 400)
    void locationParsesOrFailsCleanly(@ForAll("locations") String spec) {
        Deadline.Outcome<Optional<Path>> outcome =
                Deadline.run(spec, () -> Storages.sqliteFile(spec));
        CleanFailures.collect(outcome);

        if (outcome.returned()) {
            Optional<Path> file = outcome.value();
            if (file.isPresent()) {
                assertThat(file.get().isAbsolute()).isTrue();
                assertThat(file.get()).isEqualTo(file.get().normalize());
            } else {
                assertThat(PostgresUrl.parse(spec.strip()).jdbcUrl())
                        .startsWith("jdbc:postgresql://");
            }
        } else {
            String message = CleanFailures.requireDocumented(outcome, StorageException.class,
                    spec);
            requireNoPassword(spec, message);
        }
    }

    @Property(tries = 300)
    void postgresUrlTranslatesOrFailsCleanly(@ForAll("postgresUrls") String url) {
        Deadline.Outcome<PostgresUrl> outcome = Deadline.run(url, () -> PostgresUrl.parse(url));
        CleanFailures.collect(outcome);

        if (outcome.returned()) {
            PostgresUrl parsed = outcome.value();
            assertThat(parsed.jdbcUrl()).startsWith("jdbc:postgresql://");
            requireNoPassword(url, parsed.display());
            int colon = parsed.server().lastIndexOf(':');
            assertThat(parsed.display()).contains(parsed.server().substring(0, colon));
            assertThat(Integer.parseInt(parsed.server().substring(colon + 1)))
                    .isBetween(1, 65_535);
            if (url.contains("//nas:" + PASSWORD + "@")) {
                assertThat(parsed.password()).isEqualTo(PASSWORD);
            }
        } else {
            String message = CleanFailures.requireDocumented(outcome, StorageException.class,
                    url);
            requireNoPassword(url, message);
        }
    }

    @Property(tries = 40)
    void openSucceedsOrFailsFast(@ForAll("locations") String spec) {
        Optional<Path> file;
        try {
            file = Storages.sqliteFile(spec);
        } catch (StorageException e) {
            Statistics.label("opened").collect("not parsed");
            return;
        }
        if (!isSafeToOpen(spec, file)) {
            Statistics.label("opened").collect("not opened");
            return;
        }

        Deadline.Outcome<JdbcStorage> outcome = Deadline.run(OPEN, spec, () -> {
            try (JdbcStorage storage = Storages.open(spec)) {
                return storage;
            }
        });

        Statistics.label("opened").collect(file.isPresent() ? "sqlite" : "postgresql");
        if (file.isEmpty()) {
            String message = CleanFailures.requireDocumented(outcome,
                    StoreUnreachableException.class, spec);
            assertThat(message).contains("127.0.0.1:" + CLOSED_PORT + " is not reachable");
            assertThat(outcome.elapsed()).as("time to report the closed port")
                    .isLessThan(Duration.ofSeconds(PostgresUrl.CONNECT_TIMEOUT_S));
            requireNoPassword(spec, message);
        } else if (!outcome.returned()) {
            CleanFailures.requireDocumented(outcome, StorageException.class, spec);
        }
    }

    /**
     * Returns whether opening {@code spec} stays on this machine's temporary folder or
     * on the closed port of 127.0.0.1, with no query options that the driver could read
     * as another host.
     */
    private static boolean isSafeToOpen(String spec, Optional<Path> file) {
        if (file.isPresent()) {
            return file.get().startsWith(FOLDER);
        }
        PostgresUrl url = PostgresUrl.parse(spec.strip());
        return url.server().equals("127.0.0.1:" + CLOSED_PORT) && !url.jdbcUrl().contains("?");
    }

    /**
     * Checks that a message or display form leaves out the password when the location
     * marks every copy of it as one: between {@code :} and the {@code @} of a user part,
     * or after {@code password=}. A location that also has an unmarked copy, such as a
     * user name {@code PASSWORD@host}, is not checked, since the message may show that.
     */
    private static void requireNoPassword(String spec, String message) {
        int marked = count(spec, ":" + PASSWORD + "@") + count(spec, "password=" + PASSWORD);
        if (marked > 0 && marked == count(spec, PASSWORD)) {
            assertThat(message).as("message for %s", Mutations.abbreviate(spec))
                    .doesNotContain(PASSWORD);
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    @Provide
    Arbitrary<String> locations() {
        return Mutations.around(List.of(
                "postgresql://nas:" + PASSWORD + "@127.0.0.1:" + CLOSED_PORT + "/studies",
                "postgres://nas@127.0.0.1:" + CLOSED_PORT + "/studies",
                "postgresql://127.0.0.1:" + CLOSED_PORT + "/studies?user=nas&password="
                        + PASSWORD,
                "sqlite:" + FOLDER.resolve("studies.db"),
                FOLDER.resolve("nested/folder/studies.db").toString(),
                "sqlite:" + FOLDER + "/a%20b.db",
                "~/.archforge/studies.db", "studies.db", "C:studies.db",
                "mysql://nas@127.0.0.1/studies"), ALPHABET);
    }

    @Provide
    Arbitrary<String> postgresUrls() {
        return Mutations.around(List.of(
                "postgresql://nas:" + PASSWORD + "@127.0.0.1:5432/studies",
                "postgres://n%40s:" + PASSWORD + "@localhost/studies?sslmode=disable",
                "postgresql://nas:" + PASSWORD + "@[::1]:6543/studies",
                "postgresql://[::1]:6543/studies", "postgresql://db.example:6543/studies",
                "postgresql://127.0.0.1/studies?user=nas&password=" + PASSWORD,
                "postgresql://nas:a+b%2Bc@127.0.0.1:1/db"), ALPHABET);
    }

    /** Returns a port of 127.0.0.1 that was free a moment ago, so nothing listens there. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
