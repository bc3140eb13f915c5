package io.archforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.web.analysis.StudySnapshot;
import io.archforge.web.report.StudyReport;
import io.archforge.web.server.Dashboard;
import io.archforge.web.server.DashboardSettings;
import io.archforge.web.view.Html;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores markup and script in every user-supplied string of a real SQLite store (see
 * {@link HostileStudy}), fetches the dashboard's pages over HTTP and writes the report,
 * and checks the raw HTML: no hostile string appears unescaped, no tag gains an event
 * handler, every script is a file the dashboard serves, and the JSON API returns each
 * string exactly as stored.
 */
class HostileStringsTest {

    /** A double-quoted attribute value; escaping keeps the quotes of a value inside it. */
    private static final Pattern QUOTED = Pattern.compile("=\"[^\"]*\"");

    /** An event handler attribute inside a tag, once quoted values are removed. */
    private static final Pattern HANDLER = Pattern.compile("<[a-zA-Z][^<>]*\\son[a-z]+\\s*=",
            Pattern.CASE_INSENSITIVE);

    /** A script element without a src attribute. */
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)",
            Pattern.CASE_INSENSITIVE);

    @TempDir
    static Path dir;

    private static Storage storage;
    private static Dashboard dashboard;

    @BeforeAll
    static void start() {
        storage = Storages.open("sqlite:" + HostileStudy.create(dir));
        dashboard = Dashboard.start(storage, new DashboardSettings("127.0.0.1", 0,
                Duration.ZERO));
    }

    @AfterAll
    static void stop() {
        if (dashboard != null) {
            dashboard.close();
            storage.close();
        }
    }

    private static Http.Response get(String path) {
        return Http.get(dashboard.uri(), path);
    }

    @Test
    void studyPageEscapesName() {
        Http.Response page = get("/study?name=" + Http.encode(HostileStudy.NAME));

        assertThat(page.status()).isEqualTo(200);
        assertSafe(page.body());
        String escaped = Html.escape(HostileStudy.NAME);
        assertThat(Dom.count(page.body(), escaped)).as("title, data-study and h1").isEqualTo(3);
        assertThat(Dom.count(page.body(), Html.escape(storage.location())))
                .as("store location once, not expanded from {{storage}} in the name")
                .isEqualTo(1);
        assertThat(page.body()).contains("{{storage}}\u2028\u2029");
    }

    @Test
    void studiesPageEscapesStoreLocation() {
        Http.Response page = get("/");

        assertThat(page.status()).isEqualTo(200);
        assertSafe(page.body());
        assertThat(storage.location()).contains("<u>store</u>");
        assertThat(page.body()).contains(Html.escape(storage.location()));
    }

    @Test
    void failurePagesEscapeName() {
        for (String name : List.of(HostileStudy.NAME_2 + " missing",
                HostileStudy.ATTRIBUTE + HostileStudy.SCRIPT)) {
            Http.Response page = get("/study?name=" + Http.encode(name));

            assertThat(page.status()).isEqualTo(404);
            assertSafe(page.body());
            assertThat(page.body()).contains(Html.escape(name));
        }
    }

    @Test
    void apiReturnsStringsExactly() {
        JsonNode study = get("/api/study?name=" + Http.encode(HostileStudy.NAME)).json();
        Http.Response trialsResponse = get("/api/trials?study=" + Http.encode(HostileStudy.NAME));
        JsonNode trials = trialsResponse.json().get("trials");

        assertThat(trialsResponse.contentType()).startsWith("application/json");
        assertThat(study.get("config").get("name").asText()).isEqualTo(HostileStudy.NAME);
        assertThat(study.get("config").get("space").asText()).isEqualTo(HostileStudy.SPACE);
        assertThat(study.get("metrics").get(0).asText()).isIn(HostileStudy.METRIC_1,
                HostileStudy.METRIC_2);
        assertThat(study.get("importance").get("available").asBoolean()).isTrue();
        assertThat(study.get("attributes").get(HostileStudy.TEMPLATE).asText())
                .isEqualTo(HostileStudy.SCRIPT);
        JsonNode failed = trials.get(HostileStudy.COMPLETE);
        assertThat(failed.get("error").asText()).isEqualTo(HostileStudy.CLOSING_TAGS
                + HostileStudy.TEMPLATE);
        assertThat(failed.get("architecture").asText()).isEqualTo(HostileStudy.SCRIPT
                + HostileStudy.ATTRIBUTE);
        assertThat(trials.get(0).get("attributes").get(HostileStudy.CLOSING_TAGS).asText())
                .isEqualTo(HostileStudy.ATTRIBUTE);
    }

    @Test
    void reportEscapesEveryString() throws IOException {
        StudySnapshot study = StudySnapshot.read(storage, HostileStudy.NAME).orElseThrow();

        Path html = StudyReport.write(study, storage.location(), dir.resolve("report")).html();

        String page = Files.readString(html);
        assertSafe(page);
        assertThat(page).doesNotContain("<script");
        assertThat(Dom.count(page, "<img ")).isEqualTo(Dom.count(page,
                "src=\"data:image/png;base64,")).isPositive();
        for (String text : List.of(HostileStudy.NAME, HostileStudy.DECISION_2,
                HostileStudy.METRIC_1, HostileStudy.CLOSING_TAGS + HostileStudy.TEMPLATE,
                HostileStudy.SCRIPT + HostileStudy.ATTRIBUTE, storage.location())) {
            assertThat(page).contains(Html.escape(text));
        }
    }

    /** Checks raw HTML for the signs of an unescaped hostile string. */
    static void assertSafe(String html) {
        for (String hostile : HostileStudy.ALL) {
            assertThat(html).as("unescaped").doesNotContain(hostile);
        }
        assertThat(html).doesNotContain("<u>").doesNotContain("<img src=x")
                .doesNotContain("<svg").doesNotContain("</textarea>");
        assertThat(HANDLER.matcher(QUOTED.matcher(html).replaceAll("=\"\"")).find())
                .as("a tag with an event handler attribute").isFalse();
        assertThat(INLINE_SCRIPT.matcher(html).find()).as("an inline script").isFalse();
    }
}
