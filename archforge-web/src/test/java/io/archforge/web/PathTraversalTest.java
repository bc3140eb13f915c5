package io.archforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.web.server.Dashboard;
import io.archforge.web.server.DashboardSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sends requests whose paths try to leave the served folders (/static and the webjar of
 * ECharts) with every common spelling of {@code ..} and {@code /}: percent escapes, double
 * escapes, overlong UTF-8, backslashes, path parameters, NUL bytes and absolute paths.
 * Each is written by hand over a socket, so it reaches the server unchanged. None may
 * return a class file of the dashboard, a page template, a jar manifest, the store, a file
 * beside the store or /etc/passwd.
 */
class PathTraversalTest {

    private static final String SECRET = "TRAVERSAL-SECRET-7d1f";

    /** Ways to write the parent folder. */
    private static final List<String> DOTS = List.of("..", "%2e%2e", "%2E%2E", ".%2e", "%2e.",
            "%252e%252e", "%c0%ae%c0%ae", "%uff0e%uff0e", "..;", "..%00", "..%5c..");

    /** Ways to write the separator. */
    private static final List<String> SEPARATORS = List.of("/", "%2f", "%2F", "%5c", "\\",
            "%252f", "%255c", "%c0%af", "//");

    /** The prefixes of the served folders, and the root. */
    private static final List<String> PREFIXES = List.of("/static/", "/webjars/",
            "/webjars/echarts/5.3.1/dist/", "/");

    @TempDir
    static Path dir;

    private static Storage storage;
    private static Dashboard dashboard;
    private static int port;
    private static Path store;
    private static Path secret;

    @BeforeAll
    static void start() throws IOException {
        store = SmallStore.create(dir.resolve("studies.db"), "paths", 2);
        secret = Files.writeString(dir.resolve("secret.txt"), SECRET);
        storage = Storages.open("sqlite:" + store);
        dashboard = Dashboard.start(storage, new DashboardSettings("127.0.0.1", 0,
                Duration.ZERO));
        port = dashboard.port();
    }

    @AfterAll
    static void stop() {
        if (dashboard != null) {
            dashboard.close();
            storage.close();
        }
    }

    /** Text that only the forbidden files contain, by the file it marks. */
    private static Map<String, byte[]> markers() {
        return Map.of(
                "class file", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE},
                "/etc/passwd", "root:x:0:0".getBytes(StandardCharsets.UTF_8),
                "file beside the store", SECRET.getBytes(StandardCharsets.UTF_8),
                "store", "SQLite format 3".getBytes(StandardCharsets.UTF_8),
                "jar manifest", "Manifest-Version".getBytes(StandardCharsets.UTF_8),
                "page template", "{{study}}".getBytes(StandardCharsets.UTF_8),
                "webjar pom", "artifactId=echarts".getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the forbidden files as paths from the class path or file system root. */
    private static List<String> targets() {
        String beside = secret.toAbsolutePath().toString().substring(1);
        return List.of("io/archforge/web/server/Dashboard.class",
                "io/archforge/web/pages/study.html", "META-INF/MANIFEST.MF",
                "META-INF/maven/org.webjars.npm/echarts/pom.properties", "etc/passwd", beside,
                store.toAbsolutePath().toString().substring(1));
    }

    @Test
    void markersFindForbiddenFiles() throws IOException {
        try (InputStream in = Dashboard.class.getResourceAsStream("Dashboard.class")) {
            assertThat(leaked(in.readAllBytes())).containsExactly("class file");
        }
        assertThat(leaked(Files.readAllBytes(store))).containsExactly("store");
        assertThat(leaked(Files.readAllBytes(secret))).containsExactly("file beside the store");
    }

    @Test
    void servedFilesStillLoad() {
        RawHttp.Response script = RawHttp.get(port, "/static/common.js");
        RawHttp.Response echarts = RawHttp.get(port, "/webjars/echarts/5.3.1/dist/echarts.min.js");

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.text()).contains("const Dash");
        assertThat(echarts.status()).isEqualTo(200);
        assertThat(leaked(script.body())).isEmpty();
    }

    @Test
    void encodedParentFoldersLeakNothing() {
        List<String> paths = new ArrayList<>();
        for (String prefix : PREFIXES) {
            for (String dots : DOTS) {
                for (String separator : SEPARATORS) {
                    for (int depth : new int[] {1, 4, 16}) {
                        String up = (dots + separator).repeat(depth);
                        for (String target : targets()) {
                            paths.add(prefix + up + target.replace("/", separator));
                        }
                    }
                }
            }
        }

        List<String> failures = new ArrayList<>();
        for (String path : paths) {
            check(path, RawHttp.get(port, path), failures);
        }

        assertThat(paths).hasSizeGreaterThan(8000);
        assertThat(failures).isEmpty();
    }

    @Test
    void absolutePathsLeakNothing() {
        String beside = secret.toAbsolutePath().toString();
        List<String> paths = new ArrayList<>();
        for (String prefix : PREFIXES) {
            for (String absolute : List.of("/etc/passwd", beside, store.toString())) {
                paths.add(prefix + absolute);
                paths.add(prefix + absolute.replace("/", "%2f"));
                paths.add(prefix + absolute.replace("/", "%252f"));
                paths.add(prefix + absolute.replace("/", "\\"));
                paths.add(prefix + "file:" + absolute);
                paths.add(prefix + "file:%2f%2f" + absolute.replace("/", "%2f"));
                paths.add(prefix + "jar:file:" + absolute + "!/");
                paths.add(prefix + "classpath:" + absolute);
            }
            paths.add(prefix + "classpath:io/archforge/web/server/Dashboard.class");
            paths.add(prefix + "C:%5cWindows%5cwin.ini");
            paths.add(prefix + "%5c%5c127.0.0.1%5cshare");
        }
        paths.add("/io/archforge/web/server/Dashboard.class");
        paths.add("/io/archforge/web/pages/study.html");
        paths.add("/META-INF/MANIFEST.MF");
        paths.add("/static/../server/Dashboard.class");
        paths.add("/static/./../../../../../../../../../../../../../../etc/passwd");

        List<String> failures = new ArrayList<>();
        for (String path : paths) {
            check(path, RawHttp.get(port, path), failures);
        }

        assertThat(failures).isEmpty();
    }

    @Test
    void nulBytesLeakNothing() {
        List<String> failures = new ArrayList<>();
        for (String path : List.of("/static/common.js%00.class", "/static/common.js%00",
                "/static/%00../server/Dashboard.class", "/static/..%00/server/Dashboard.class",
                "/static/common.js%2500", "/webjars/%00/../../META-INF/MANIFEST.MF")) {
            check(path, RawHttp.get(port, path), failures);
        }
        for (String path : List.of("/static/common.js\0.class", "/static/\0../server/Dashboard"
                + ".class", "/static/../\0/../server/Dashboard.class")) {
            byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection:"
                    + " close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
            check(path.replace("\0", "<NUL>"), RawHttp.send(port, request), failures);
        }

        assertThat(failures).isEmpty();
    }

    @Test
    void otherRequestFormsLeakNothing() {
        List<String> failures = new ArrayList<>();
        for (String target : List.of("/static/../server/Dashboard.class",
                "/static/%2e%2e/%2e%2e/%2e%2e/%2e%2e/META-INF/MANIFEST.MF",
                "/static/..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd")) {
            String[] requests = {
                "GET http://127.0.0.1:" + port + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Connection: close\r\n\r\n",
                "GET " + target + " HTTP/1.0\r\n\r\n",
                "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                "HEAD " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                "OPTIONS " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"};
            for (String request : requests) {
                check(request.lines().findFirst().orElseThrow(), RawHttp.send(port,
                        request.getBytes(StandardCharsets.ISO_8859_1)), failures);
            }
        }

        assertThat(failures).isEmpty();
    }

    /** Adds a line to {@code failures} when the response succeeded or leaked a marker. */
    private static void check(String path, RawHttp.Response response, List<String> failures) {
        List<String> leaked = leaked(response.body());
        if (response.status() == 200 || !leaked.isEmpty()) {
            failures.add(path + " -> " + response.status() + " " + leaked);
        }
    }

    private static List<String> leaked(byte[] body) {
        List<String> found = new ArrayList<>();
        markers().forEach((name, marker) -> {
            if (indexOf(body, marker) >= 0) {
                found.add(name);
            }
        });
        return found;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
