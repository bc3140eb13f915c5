package io.archforge.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.app.cli.Cli;
import io.archforge.app.cli.Subprocess;
import io.archforge.space.CellSpace;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks {@code archforge dashboard --token} and the token a dashboard on another address
 * than loopback generates, with the dashboard in its own process and requests over HTTP,
 * and that {@code archforge report} escapes the names it writes into HTML.
 */
class DashboardTokenCliTest {

    private static final String STUDY = "<script>document.title='x'</script>";
    private static final Pattern ADDRESS = Pattern.compile(
            "http://([^:/]+):(\\d+)/\\?token=([A-Za-z0-9._~-]+)");

    @TempDir
    static Path dir;

    private static String store;

    @BeforeAll
    static void createStore() {
        store = dir.resolve("studies.db").toString();
        try (Storage storage = Storages.open(store)) {
            storage.createStudy(new StudyConfig(STUDY, "nb201", "nb201",
                    Map.of("dataset", "cifar10"), "random", Map.of(),
                    List.of(Objective.maximize("accuracy")), 1));
            Random random = new Random(3);
            for (int i = 0; i < 3; i++) {
                int number = storage.createTrial(STUDY, CellSpace.nb201().sample(random).text(),
                        i, Map.of());
                storage.finishTrial(STUDY, number, TrialState.COMPLETE,
                        Map.of("accuracy", 0.6 + i / 10.0), Map.of(), Optional.empty());
            }
        }
    }

    @Test
    void shortTokenIsUsageError() {
        Path missing = dir.resolve("never.db");

        Cli.Result result = Cli.run("dashboard", "--storage", missing.toString(), "--token",
                "abc123");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().contains("invalid --token")
                .contains("6 characters").contains("16").contains("leave out --token")
                .doesNotContain("abc123");
        assertThat(missing).doesNotExist();
    }

    @Test
    void tokenWithSeparatorIsUsageError() {
        Cli.Result result = Cli.run("dashboard", "--storage", store, "--token",
                "abcdefgh;ijklmnop&q");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("invalid --token").contains("character")
                .doesNotContain("abcdefgh");
    }

    @Test
    void anyAddressGetsGeneratedToken() throws Exception {
        Process process = Subprocess.start(dir, "everywhere", List.of("dashboard", "--storage",
                store, "--host", "0.0.0.0", "--port", "0"));
        try {
            Matcher address = awaitAddress(process, dir.resolve("everywhere.out"));
            assertThat(address.group(1)).isEqualTo("0.0.0.0");
            String token = address.group(3);
            assertThat(token).hasSize(22);
            URI base = URI.create("http://127.0.0.1:" + address.group(2) + "/");

            assertThat(get(base.resolve("/api/studies"), null).statusCode()).isEqualTo(401);
            assertThat(get(base.resolve("/api/studies"), "Bearer " + token).body())
                    .contains("document.title");
            HttpResponse<String> page = get(base.resolve("/?token=" + token), null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict"));
            assertThat(Files.readString(dir.resolve("everywhere.err"))).doesNotContain(token);
        } finally {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    @Test
    void loopbackEnforcesTokenFromFile() throws Exception {
        String token = "given-token_0123456789";
        // An argument file keeps the token out of the process list that other users see.
        Path arguments = Files.writeString(dir.resolve("token.args"), "--token " + token + "\n");
        Process process = Subprocess.start(dir, "loopback", List.of("dashboard", "--storage",
                store, "--port", "0", "@" + arguments));
        try {
            Matcher address = awaitAddress(process, dir.resolve("loopback.out"));
            assertThat(address.group(1)).isEqualTo("127.0.0.1");
            assertThat(address.group(3)).isEqualTo(token);
            URI base = URI.create("http://127.0.0.1:" + address.group(2) + "/");

            assertThat(get(base.resolve("/"), null).statusCode()).isEqualTo(401);
            assertThat(get(base.resolve("/static/common.js"), null).statusCode())
                    .isEqualTo(401);
            assertThat(get(base.resolve("/api/studies"), "Bearer " + token).statusCode())
                    .isEqualTo(200);
        } finally {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    @Test
    void reportEscapesStudyName() throws Exception {
        Path output = dir.resolve("report");

        Cli.Result result = Cli.run("report", STUDY, "--output", output.toString(),
                "--storage", store);

        assertThat(result.exitCode()).as(result.err()).isZero();
        String html = Files.readString(output.resolve("report.html"));
        assertThat(html).doesNotContain(STUDY).doesNotContain("<script")
                .contains("&lt;script&gt;document.title=&#39;x&#39;&lt;/script&gt;");
    }

    /** Waits for the address line the dashboard prints and matches it. */
    private static Matcher awaitAddress(Process process, Path out) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            List<String> lines = Files.readAllLines(out);
            if (!lines.isEmpty()) {
                Matcher matcher = ADDRESS.matcher(lines.get(0).strip());
                assertThat(matcher.matches()).as(lines.get(0)).isTrue();
                return matcher;
            }
            if (!process.isAlive()) {
                throw new AssertionError("dashboard exited with " + process.exitValue() + ": "
                        + Files.readString(out.resolveSibling(out.getFileName().toString()
                                .replace(".out", ".err"))));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("dashboard printed no address within 60 s");
    }

    private static HttpResponse<String> get(URI uri, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
