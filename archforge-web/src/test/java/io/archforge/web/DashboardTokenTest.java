package io.archforge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.web.server.AccessToken;
import io.archforge.web.server.Dashboard;
import io.archforge.web.server.DashboardSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the access token of a dashboard over real HTTP. Every route, static files and
 * the chart library included, responds 401 without the token. With it, every route
 * serves, whether the token comes as a bearer header, a query parameter or the cookie
 * that the query parameter sets.
 */
class DashboardTokenTest {

    private static final String STUDY = "tokenstudy";

    /** One route of every kind: pages, API, static files and the webjar. */
    private static final List<String> ROUTES = List.of("/", "/study?name=" + STUDY,
            "/api/studies", "/api/study?name=" + STUDY, "/api/trials?study=" + STUDY,
            "/api/graph?study=" + STUDY + "&trial=0", "/static/common.js",
            "/static/dashboard.css", "/webjars/echarts/5.3.1/dist/echarts.min.js");

    @TempDir
    static Path dir;

    private static Path store;
    private static Storage storage;
    private static AccessToken token;
    private static Dashboard dashboard;
    private static int port;

    @BeforeAll
    static void start() {
        store = SmallStore.create(dir.resolve("studies.db"), STUDY, 3);
        storage = Storages.open("sqlite:" + store);
        token = AccessToken.random();
        dashboard = Dashboard.start(storage, new DashboardSettings("127.0.0.1", 0,
                Duration.ZERO).withToken(token));
        port = dashboard.port();
    }

    @AfterAll
    static void stop() {
        if (dashboard != null) {
            dashboard.close();
            storage.close();
        }
    }

    @Test
    void everyRouteRejectsMissingToken() {
        for (String route : ROUTES) {
            RawHttp.Response response = RawHttp.get(port, route);

            assertThat(response.status()).as(route).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).as(route).hasValueSatisfying(
                    value -> assertThat(value).startsWith("Bearer"));
            assertThat(response.text()).as(route).doesNotContain(STUDY)
                    .doesNotContain(store.toString()).doesNotContain("echarts")
                    .contains("Authorization: Bearer");
        }
        assertThat(RawHttp.get(port, "/no/such/page").status()).isEqualTo(401);
    }

    @Test
    void rejectionPageExplainsToken() {
        RawHttp.Response page = RawHttp.get(port, "/");
        RawHttp.Response api = RawHttp.get(port, "/api/studies");

        assertThat(page.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.text()).contains("Access token required").contains("?token=");
        assertThat(api.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(api.text()).startsWith("{\"error\":").contains("Authorization: Bearer");
    }

    @Test
    void bearerHeaderOpensEveryRoute() {
        for (String route : ROUTES) {
            RawHttp.Response response = RawHttp.get(port, route,
                    "Authorization: Bearer " + token.value());

            assertThat(response.status()).as(route).isEqualTo(200);
        }
        assertThat(RawHttp.get(port, "/api/studies", "Authorization: bearer " + token.value())
                .text()).contains(STUDY);
    }

    @Test
    void wrongTokensAreRejected() {
        String value = token.value();
        String cookie = "archforge_token_" + port;
        List<List<String>> attempts = List.of(
                List.of("/api/studies", "Authorization: Bearer " + value.substring(1)),
                List.of("/api/studies", "Authorization: Bearer " + value + "x"),
                List.of("/api/studies", "Authorization: Bearer " + value.toUpperCase()),
                List.of("/api/studies", "Authorization: Basic " + value),
                List.of("/api/studies", "Authorization: " + value),
                List.of("/api/studies", "Authorization: Bearer"),
                List.of("/api/studies?token=" + value.substring(0, 16)),
                List.of("/api/studies?token="),
                List.of("/api/studies?tok=" + value),
                List.of("/api/studies", "Cookie: " + cookie + "=" + value.substring(2)),
                List.of("/api/studies", "Cookie: archforge_token_1=" + value),
                List.of("/api/studies", "X-Token: " + value));

        for (List<String> attempt : attempts) {
            RawHttp.Response response = RawHttp.get(port, attempt.get(0),
                    attempt.subList(1, attempt.size()).toArray(String[]::new));

            assertThat(response.status()).as(attempt.toString()).isEqualTo(401);
            assertThat(response.text()).as(attempt.toString()).doesNotContain(STUDY);
        }
    }

    @Test
    void queryTokenSetsStrictCookie() {
        RawHttp.Response page = RawHttp.get(port, "/?token=" + token.value());

        assertThat(page.status()).isEqualTo(200);
        String cookie = page.header("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("archforge_token_" + port + "=" + token.value() + ";")
                .contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        String pair = cookie.substring(0, cookie.indexOf(';'));
        assertThat(RawHttp.get(port, "/api/studies", "Cookie: " + pair).text()).contains(STUDY);
        assertThat(RawHttp.get(port, "/static/study.js", "Cookie: " + pair).status())
                .isEqualTo(200);
        assertThat(RawHttp.get(port, "/api/studies", "Authorization: Bearer " + token.value())
                .headers("Set-Cookie")).isEmpty();
    }

    @Test
    void everyResponseCarriesSecurityHeaders() {
        List<RawHttp.Response> responses = List.of(RawHttp.get(port, "/"),
                RawHttp.get(port, "/?token=" + token.value()),
                RawHttp.get(port, "/api/studies?token=" + token.value()),
                RawHttp.get(port, "/static/common.js?token=" + token.value()),
                RawHttp.get(port, "/study?name=none&token=" + token.value()));

        for (RawHttp.Response response : responses) {
            assertThat(response.header("Content-Security-Policy")).hasValueSatisfying(policy ->
                    assertThat(policy).contains("script-src 'self'")
                            .contains("frame-ancestors 'none'"));
            assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
            assertThat(response.header("X-Frame-Options")).contains("DENY");
            assertThat(response.header("Referrer-Policy")).contains("no-referrer");
        }
    }

    @Test
    void browserLoadsPageThroughTokenAddress() throws Exception {
        assumeTrue(Chromium.installed(), "headless tests need " + Chromium.BINARY);
        Chromium chromium = new Chromium(dir);
        URI base = dashboard.uri();

        String withToken = chromium.dumpDom(base.resolve("/study?name=" + STUDY + "&token="
                + token.value()));
        String without = chromium.dumpDom(base.resolve("/study?name=" + STUDY));

        assertThat(Dom.all(Dom.element(withToken, "trials"), "<tr data-trial=\"(\\d+)\""))
                .containsExactly("0", "1", "2");
        assertThat(Dom.count(withToken, "<path d=\"M1 0A1 1 0 1 1 1 -0.0001\"")).isPositive();
        assertThat(without).contains("Access token required").doesNotContain("data-trial");
    }

    @Test
    void nonLoopbackHostNeedsToken() {
        DashboardSettings open = new DashboardSettings("0.0.0.0", 0, Duration.ZERO);

        assertThatThrownBy(() -> Dashboard.start(storage, open))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.0.0.0").hasMessageContaining("access token");
        try (Dashboard everywhere = Dashboard.start(storage, open.withToken(token))) {
            int everywherePort = everywhere.port();
            assertThat(RawHttp.get(everywherePort, "/api/studies").status()).isEqualTo(401);
            assertThat(RawHttp.get(everywherePort, "/api/studies",
                    "Authorization: Bearer " + token.value()).status()).isEqualTo(200);
        }
    }

    @Test
    void foreignHostNameIsRejectedWithoutToken() {
        try (Dashboard local = Dashboard.start(storage, new DashboardSettings("127.0.0.1", 0,
                Duration.ZERO))) {
            int localPort = local.port();

            for (String host : List.of("rebind.example", "rebind.example:" + localPort,
                    "127.0.0.1.rebind.example", "localhost.rebind.example:" + localPort,
                    "rebind.example:80:" + localPort, "[::1].rebind.example")) {
                RawHttp.Response response = RawHttp.send(localPort, ("GET /api/studies HTTP/1.1"
                        + "\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes());
                assertThat(response.status()).as(host).isIn(400, 403);
                assertThat(response.text()).as(host).doesNotContain(STUDY);
            }
            for (String host : List.of("127.0.0.1:" + localPort, "localhost:" + localPort,
                    "LOCALHOST", "[::1]:" + localPort, "127.0.0.1")) {
                RawHttp.Response response = RawHttp.send(localPort, ("GET /api/studies HTTP/1.1"
                        + "\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes());
                assertThat(response.status()).as(host).isEqualTo(200);
            }
        }
        RawHttp.Response withToken = RawHttp.send(port, ("GET /api/studies HTTP/1.1\r\nHost:"
                + " rebind.example\r\nAuthorization: Bearer " + token.value()
                + "\r\nConnection: close\r\n\r\n").getBytes());
        assertThat(withToken.status()).isEqualTo(200);
    }

    @Test
    void shortTokenIsRejected() {
        assertThatThrownBy(() -> new AccessToken("abcdefghijklmno"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("15 characters").hasMessageContaining("16")
                .hasMessageNotContaining("abcdefghijklmno");
        assertThatThrownBy(() -> new AccessToken("abcdefghijklmnop;q"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("character");
        assertThat(new AccessToken("abcdefghijklmnop").value()).hasSize(16);
    }

    @Test
    void randomTokenHas128Bits() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String value = AccessToken.random().value();

            assertThat(value).matches(Pattern.compile("[A-Za-z0-9_-]{22}"));
            assertThat(Base64.getUrlDecoder().decode(value)).hasSize(16);
            seen.add(value);
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void tokenTextStaysHidden() {
        AccessToken secret = AccessToken.random();
        DashboardSettings settings = DashboardSettings.defaults().withToken(secret);

        assertThat(secret.toString()).doesNotContain(secret.value());
        assertThat(settings.toString()).doesNotContain(secret.value());
        assertThat(secret.matches(secret.value())).isTrue();
        assertThat(secret.matches(secret.value() + " ")).isFalse();
        assertThat(secret.matches(null)).isFalse();
    }
}
