package io.archforge.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.app.cli.Cli;
import io.archforge.app.cli.Subprocess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardCommandTest {

    @TempDir
    static Path dir;

    private static String store;

    @BeforeAll
    static void search() {
        store = dir.resolve("studies.db").toString();
        Cli.Result search = Cli.run("search", "--dataset", "cifar10", "--trials",
                "8", "--storage", store, "--study", "alpha");
        assertThat(search.exitCode()).as(search.err()).isZero();
    }

    @Test
    void servesUntilTerminated() throws Exception {
        Process process = Subprocess.start(dir, "dashboard", List.of("dashboard", "--storage",
                store, "--port", "0"));
        try {
            URI uri = awaitAddress(process, dir.resolve("dashboard.out"));
            assertThat(uri.getHost()).isEqualTo("127.0.0.1");

            HttpResponse<String> studies = get(uri.resolve("/api/studies"));
            assertThat(studies.statusCode()).isEqualTo(200);
            JsonNode study = new ObjectMapper().readTree(studies.body()).get("studies").get(0);
            assertThat(study.get("name").asText()).isEqualTo("alpha");
            assertThat(study.get("counts").get("COMPLETE").asInt()).isEqualTo(8);
            assertThat(get(uri.resolve("/study?name=alpha")).statusCode()).isEqualTo(200);
            assertThat(get(uri.resolve("/study?name=beta")).statusCode()).isEqualTo(404);

            process.destroy();
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stopped on SIGTERM").isTrue();
            assertThat(process.exitValue()).isEqualTo(143);
            assertThat(Files.readString(dir.resolve("dashboard.err"))).contains("stopped");
            assertThat(Files.readAllLines(dir.resolve("dashboard.out"))).hasSize(1);
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void portInUseIsOneLineUsageError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            Process process = Subprocess.start(dir, "taken", List.of("dashboard", "--storage",
                    store, "--port", Integer.toString(port)));

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
            assertThat(process.exitValue()).isEqualTo(2);
            assertThat(Files.readString(dir.resolve("taken.out"))).isEmpty();
            assertThat(Files.readAllLines(dir.resolve("taken.err"))).singleElement().asString()
                    .contains("port " + port).contains("already in use").contains("--port");
        }
    }

    @Test
    void stopsOnInterrupt() throws Exception {
        Process process = Subprocess.start(dir, "interrupted", List.of("dashboard", "--storage",
                store, "--port", "0"));
        try {
            URI uri = awaitAddress(process, dir.resolve("interrupted.out"));
            assertThat(get(uri.resolve("/")).statusCode()).isEqualTo(200);

            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                    .start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();

            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stopped on SIGINT").isTrue();
            assertThat(process.exitValue()).isEqualTo(130);
            assertThat(Files.readString(dir.resolve("interrupted.err"))).contains("stopped");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void missingStoreIsUsageError() {
        Path missing = dir.resolve("none.db");

        Cli.Result result = Cli.run("dashboard", "--storage", missing.toString(),
                "--port", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no study store at " + missing).contains("--storage");
        assertThat(missing).doesNotExist();
    }

    @Test
    void foreignHostIsUsageError() {
        // A documentation address (RFC 5737): never an address of this machine.
        Cli.Result result = Cli.run("dashboard", "--storage", store, "--host", "192.0.2.1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("invalid --host '192.0.2.1'")
                .contains("not an address of this machine");
    }

    @Test
    void invalidPortIsUsageError() {
        Cli.Result result = Cli.run("dashboard", "--storage", store, "--port",
                "70000");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("invalid --port 70000");
    }

    @Test
    void invalidPollIntervalIsUsageError() {
        Cli.Result result = Cli.run("dashboard", "--storage", store,
                "--poll-interval", "-1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("invalid --poll-interval -1.0");
    }

    /** Waits for the one line the dashboard prints, its address. */
    private static URI awaitAddress(Process process, Path out) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            List<String> lines = Files.readAllLines(out);
            if (!lines.isEmpty()) {
                return URI.create(lines.get(0).strip());
            }
            if (!process.isAlive()) {
                throw new AssertionError("dashboard exited with " + process.exitValue());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("dashboard printed no address within 30 s");
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
