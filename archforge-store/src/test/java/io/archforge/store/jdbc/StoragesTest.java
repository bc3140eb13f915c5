package io.archforge.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.storage.Storage;
import io.archforge.storage.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening stores from their textual form, and the messages for bad locations. */
class StoragesTest {

    @TempDir
    Path dir;

    @Test
    void plainPathOpensSqlite() {
        Path file = dir.resolve("plain.db");
        try (Storage storage = Storages.open(file.toString())) {
            assertThat(storage.location()).isEqualTo(file.toString());
        }
        assertThat(file).isRegularFile();
    }

    @Test
    void sqlitePrefixOpensSqlite() {
        Path file = dir.resolve("prefixed.db");
        try (Storage storage = Storages.open("sqlite:" + file)) {
            storage.createStudy(StoreFixtures.study("s"));
        }
        try (Storage storage = Storages.open(file.toString())) {
            assertThat(storage.loadStudy("s")).isPresent();
        }
    }

    @Test
    void missingParentsAreCreated() {
        Path file = dir.resolve("a/b/c/studies.db");
        try (Storage storage = Storages.open(file.toString())) {
            assertThat(storage.listStudies()).isEmpty();
        }
        assertThat(file).isRegularFile();
    }

    @Test
    void tildeIsHome() {
        String home = System.getProperty("user.home");

        assertThat(Storages.expandHome("~/x/studies.db")).isEqualTo(home + "/x/studies.db");
        assertThat(Storages.expandHome("~")).isEqualTo(home);
        assertThat(Storages.expandHome("~other/x.db")).isEqualTo("~other/x.db");
        assertThat(Storages.expandHome("/a/~/b")).isEqualTo("/a/~/b");
        assertThat(Storages.DEFAULT_LOCATION).isEqualTo("~/.archforge/studies.db");
    }

    @Test
    void directoryIsRejected() {
        assertThatThrownBy(() -> Storages.open(dir.toString()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("is a directory");
    }

    @Test
    void unwritableLocationIsRejected() {
        assertThatThrownBy(() -> Storages.open("/proc/x/y.db"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("/proc/x/y.db")
                .hasMessageContaining("choose a writable location");
    }

    @Test
    void fileAsParentIsRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "text");
        String spec = file.resolve("studies.db").toString();

        assertThatThrownBy(() -> Storages.open(spec))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(spec)
                .hasMessageContaining("not a directory");
    }

    @Test
    void corruptFileIsRejected() throws Exception {
        byte[] noise = new byte[8192];
        new Random(3).nextBytes(noise);
        Path file = Files.write(dir.resolve("noise.db"), noise);

        assertThatThrownBy(() -> Storages.open(file.toString()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not an SQLite database");
    }

    @Test
    void textFileIsRejected() throws Exception {
        Path file = Files.writeString(dir.resolve("readme.db"), "# not a database\n");

        assertThatThrownBy(() -> Storages.open(file.toString()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not an SQLite database");
    }

    @Test
    void unknownSchemeListsForms() {
        assertThatThrownBy(() -> Storages.open("mysql://nas@127.0.0.1/studies"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("'mysql'")
                .hasMessageContaining(Storages.FORMS);
    }

    @Test
    void otherSchemesAreRejected() {
        for (String spec : new String[] {"mysql://localhost/x", "mysql:studies",
                "redis://127.0.0.1:6379/0", "x://studies.db", "file:/tmp/studies.db"}) {
            assertThatThrownBy(() -> Storages.open(spec))
                    .as(spec)
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining(spec)
                    .hasMessageContaining("PATH | sqlite:PATH | postgresql://USER@HOST:PORT/DB");
        }
        assertThat(Path.of("mysql:")).doesNotExist();
    }

    @Test
    void sqliteFileResolvesForms() {
        Path file = dir.resolve("forms.db");

        assertThat(Storages.sqliteFile(file.toString())).contains(file);
        assertThat(Storages.sqliteFile("sqlite:" + file)).contains(file);
        assertThat(Storages.sqliteFile("SQLite:" + file)).contains(file);
        assertThat(Storages.sqliteFile("postgresql://nas@127.0.0.1:1/studies")).isEmpty();
        assertThat(Storages.sqliteFile("c:studies.db"))
                .contains(Path.of("c:studies.db").toAbsolutePath());
        assertThat(file).doesNotExist();
    }

    @Test
    void emptySqlitePathIsRejected() {
        for (String spec : new String[] {"sqlite:", " sqlite: "}) {
            assertThatThrownBy(() -> Storages.sqliteFile(spec))
                    .as(spec)
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("'sqlite:'")
                    .hasMessageContaining("path is empty");
        }
    }

    @Test
    void emptySpecIsRejected() {
        assertThatThrownBy(() -> Storages.open(" "))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining(Storages.FORMS);
        assertThatThrownBy(() -> Storages.open("sqlite:"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("sqlite:PATH");
    }

    @Test
    void messagesAreOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.db"), "x".repeat(200));
        for (String spec : new String[] {file.toString(), "/proc/x/y.db", "ftp://x"}) {
            assertThatThrownBy(() -> Storages.open(spec))
                    .isInstanceOf(StorageException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void postgresUrlTranslates() {
        PostgresUrl url =
                PostgresUrl.parse("postgresql://nas:s%40cret@db.local:5433/studies?ssl=true");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:5433/studies?ssl=true");
        assertThat(url.user()).isEqualTo("nas");
        assertThat(url.password()).isEqualTo("s@cret");
        assertThat(url.display()).isEqualTo("postgresql://nas@db.local:5433/studies");
        assertThat(url.properties().getProperty("user")).isEqualTo("nas");
        assertThat(url.properties().getProperty("password")).isEqualTo("s@cret");
    }

    @Test
    void postgresUrlRejectsClassOptions() {
        for (String option : List.of("socketFactory=x", "sslfactory=y", "SSLHOSTNAMEVERIFIER=z",
                "loggerFile=/tmp/log")) {
            assertThatThrownBy(() -> PostgresUrl.parse(
                    "postgresql://nas:pw@127.0.0.1:5433/studies?ssl=true&" + option))
                    .as(option)
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("makes the driver load a class or write a file")
                    .hasMessageNotContaining("pw");
        }
    }

    @Test
    void postgresUrlNeedsDatabase() {
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://nas:pw@db.local:5433"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("postgresql://USER@HOST:PORT/DATABASE")
                .hasMessageNotContaining("pw");
    }

    @Test
    void unreachablePostgresFailsClearly() {
        // Port 1 on the loopback interface: refused at once, nothing leaves the machine.
        assertThatThrownBy(() -> Storages.open("postgresql://nas@127.0.0.1:1/studies"))
                .isInstanceOf(StoreUnreachableException.class)
                .hasMessageContaining("127.0.0.1:1 is not reachable")
                .hasMessageContaining("postgresql://nas@127.0.0.1:1/studies");
    }

    @Test
    void postgresServerHasDefaultPort() {
        assertThat(PostgresUrl.parse("postgresql://nas@db.local/studies").server())
                .isEqualTo("db.local:5432");
        assertThat(PostgresUrl.parse("postgres://db.local:5433/studies").server())
                .isEqualTo("db.local:5433");
    }

    @Test
    void redactHidesPasswords() {
        assertThat(Storages.redact("postgresql://nas:secret@127.0.0.1:5432/studies"))
                .isEqualTo("postgresql://nas:***@127.0.0.1:5432/studies");
        String query = "postgresql://127.0.0.1/studies?user=nas&password=secret&ssl=0";
        assertThat(Storages.redact(query))
                .isEqualTo("postgresql://127.0.0.1/studies?user=nas&password=***&ssl=0");
        assertThat(Storages.redact("/tmp/studies.db")).isEqualTo("/tmp/studies.db");
    }

    @Test
    void unknownStoreTypeHidesThePassword() {
        assertThatThrownBy(() -> Storages.open("mysql://nas:secret@127.0.0.1/studies"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("unknown store type")
                .hasMessageNotContaining("secret");
    }

    @Test
    void postgresUrlProblemsAreNamed() {
        assertThatThrownBy(() -> Storages.open("postgresql://nas:p@ss@127.0.0.1/studies"))
                .hasMessageContaining("write it as %40").hasMessageNotContaining("p@ss");
        assertThatThrownBy(() -> Storages.open("postgresql://127.0.0.1:notaport/studies"))
                .hasMessageContaining("the port is not a number");
    }
}
