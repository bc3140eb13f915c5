package io.archforge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.archforge.storage.Storage;
import io.archforge.storage.StorageException;
import io.archforge.store.jdbc.Storages;
import io.archforge.web.server.Dashboard;
import io.archforge.web.server.DashboardSettings;
import io.archforge.web.server.PortInUseException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardStartTest {

    @TempDir
    Path dir;

    @Test
    void portInUseIsReported() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                Storage storage = Storages.open("sqlite:" + dir.resolve("s.db"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> Dashboard.start(storage,
                    new DashboardSettings("127.0.0.1", port, Duration.ofSeconds(2))))
                    .isInstanceOfSatisfying(PortInUseException.class, e -> {
                        assertThat(e.port()).isEqualTo(port);
                        assertThat(e.host()).isEqualTo("127.0.0.1");
                        assertThat(e.getMessage()).contains("port " + port);
                    });
        }
    }

    @Test
    void portIsFreeAgainAfterClose() throws Exception {
        int port;
        try (Storage storage = Storages.open("sqlite:" + dir.resolve("s.db"))) {
            try (Dashboard dashboard = Dashboard.start(storage,
                    new DashboardSettings("127.0.0.1", 0, Duration.ZERO))) {
                port = dashboard.port();
                assertThat(Http.get(dashboard.uri(), "/api/studies").status()).isEqualTo(200);
            }
        }

        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void emptyStoreListsNoStudies() throws Exception {
        try (Storage storage = Storages.open("sqlite:" + dir.resolve("s.db"));
                Dashboard dashboard = Dashboard.start(storage,
                        new DashboardSettings("127.0.0.1", 0, Duration.ZERO))) {
            Http.Response page = Http.get(dashboard.uri(), "/");

            assertThat(page.body()).contains("data-poll-ms=\"0\"");
            assertThat(Http.get(dashboard.uri(), "/api/studies").json().get("studies")).isEmpty();
        }
    }

    @Test
    void storeFailureIsServiceUnavailable() throws Exception {
        try (Storage real = Storages.open("sqlite:" + dir.resolve("s.db"))) {
            Storage failing = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(),
                    new Class<?>[] {Storage.class}, (proxy, method, args) -> {
                        if (method.getName().equals("listStudies")) {
                            throw new StorageException("database is locked");
                        }
                        return method.invoke(real, args);
                    });
            try (Dashboard dashboard = Dashboard.start(failing,
                    new DashboardSettings("127.0.0.1", 0, Duration.ZERO))) {
                Http.Response response = Http.get(dashboard.uri(), "/api/studies");

                assertThat(response.status()).isEqualTo(503);
                assertThat(response.json().get("error").asText())
                        .isEqualTo("Reading the store failed: database is locked");
            }
        }
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> new DashboardSettings("127.0.0.1", 70000, Duration.ZERO))
                .hasMessageContaining("invalid dashboard port 70000");
        assertThatThrownBy(() -> new DashboardSettings(" ", 80, Duration.ZERO))
                .hasMessageContaining("host is empty");
        assertThatThrownBy(() -> new DashboardSettings("127.0.0.1", 80, Duration.ofSeconds(-1)))
                .hasMessageContaining("invalid poll interval");
    }
}
