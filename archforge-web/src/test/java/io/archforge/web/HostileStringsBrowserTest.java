package io.archforge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.web.analysis.StudySnapshot;
import io.archforge.web.report.StudyReport;
import io.archforge.web.server.Dashboard;
import io.archforge.web.server.DashboardSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the dashboard pages and the report of {@link HostileStudy} in headless Chromium,
 * then works them as a person would: shows the tooltip of chart points and bars, clicks
 * every trial row so its architecture is drawn, and picks every metric in the chart
 * menus. Afterwards no injected script may have run ({@code window.__pwned} unset, the
 * title unchanged) and no injected markup may be in the DOM: no {@code <u>} element, no
 * image but the report's charts, no element with an event handler attribute. Skipped
 * when /usr/bin/chromium is missing.
 */
class HostileStringsBrowserTest {

    /** Works the page, then returns what an injection would have changed. */
    private static final String EXERCISE = """
            (async () => {
              const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
              const tips = [];
              const charts = typeof echarts === 'undefined' ? []
                : [...document.querySelectorAll('.chart')];
              for (const element of charts) {
                const chart = echarts.getInstanceByDom(element);
                if (!chart) {
                  continue;
                }
                const series = chart.getOption().series || [];
                for (let s = 0; s < series.length; s++) {
                  const count = Math.min((series[s].data || []).length, 4);
                  for (let d = 0; d < count; d++) {
                    chart.dispatchAction({ type: 'showTip', seriesIndex: s, dataIndex: d });
                    await sleep(40);
                    element.querySelectorAll('div').forEach(div => {
                      if (div.style.zIndex && div.textContent) {
                        tips.push(div.textContent);
                      }
                    });
                  }
                }
              }
              const drawing = document.getElementById('drawing');
              const draw = async row => {
                if (!drawing) {
                  return;
                }
                drawing.replaceChildren();
                row.click();
                for (let i = 0; i < 100 && drawing.childElementCount === 0; i++) {
                  await sleep(30);
                }
              };
              const rows = [...document.querySelectorAll('#trials tbody tr')];
              for (const row of rows) {
                await draw(row);
              }
              if (rows.length > 0) {
                await draw(rows[0]);
              }
              for (const select of document.querySelectorAll('select')) {
                for (const option of [...select.options]) {
                  select.value = option.value;
                  select.dispatchEvent(new Event('change'));
                  await sleep(40);
                }
              }
              await sleep(300);
              const handlers = [...document.querySelectorAll('*')].filter(element =>
                [...element.attributes].some(a => a.name.toLowerCase().startsWith('on')));
              return {
                pwned: window.__pwned === undefined ? null : String(window.__pwned),
                title: document.title,
                heading: (document.getElementById('study-name') || {}).textContent || null,
                underlined: document.querySelectorAll('u').length,
                images: [...document.images]
                  .filter(i => !i.src.startsWith('data:image/png;base64,')).length,
                handlers: handlers.map(element => element.outerHTML.slice(0, 160)),
                inlineScripts: [...document.querySelectorAll('script')].filter(s => !s.src).length,
                links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),
                rows: document.querySelectorAll('#trials tbody tr').length,
                drawnLabels: [...document.querySelectorAll('#drawing text')]
                  .map(t => t.textContent),
                tips: tips
              };
            })()
            """;

    @TempDir
    static Path dir;

    private static Storage storage;
    private static Dashboard dashboard;
    private static DevTools browser;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Chromium.installed(), "headless tests need " + Chromium.BINARY);
        storage = Storages.open("sqlite:" + HostileStudy.create(dir));
        dashboard = Dashboard.start(storage, new DashboardSettings("127.0.0.1", 0,
                Duration.ZERO));
        browser = DevTools.launch(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (dashboard != null) {
            dashboard.close();
            storage.close();
        }
    }

    private static JsonNode exercise(String path, String readyCondition) throws Exception {
        browser.open(dashboard.uri().resolve(path));
        browser.waitUntil(readyCondition);
        return browser.evaluate(EXERCISE);
    }

    private static String studyPath(String name) {
        return "/study?name=" + Http.encode(name);
    }

    @Test
    void studiesPageRunsNoInjectedScript() throws Exception {
        JsonNode page = exercise("/", "document.querySelectorAll('#studies tbody tr').length"
                + " === 3");

        assertClean(page);
        assertThat(page.get("title").asText()).isEqualTo("Studies - Archforge dashboard");
        List<String> links = texts(page.get("links"));
        assertThat(links).contains(studyPath(HostileStudy.JAVASCRIPT_URL).replace("+", "%20"));
    }

    @Test
    void studyPageRunsNoInjectedScript() throws Exception {
        JsonNode page = exercise(studyPath(HostileStudy.NAME),
                "document.querySelectorAll('#trials tbody tr').length > 0"
                        + " && document.querySelector('#importance-chart svg')");

        assertClean(page);
        assertThat(page.get("title").asText()).isEqualTo(HostileStudy.NAME
                + " - Archforge dashboard");
        assertThat(page.get("heading").asText()).isEqualTo(HostileStudy.NAME);
        assertThat(page.get("rows").asInt()).isEqualTo(HostileStudy.COMPLETE + 1);
        assertThat(String.join("\n", texts(page.get("tips"))))
                .as("tooltips show hostile names as text")
                .contains(HostileStudy.DECISION_1).contains(HostileStudy.DECISION_2);
        assertThat(texts(page.get("drawnLabels"))).anyMatch(label ->
                label.contains("<u>") || label.contains("<script>"));
    }

    @Test
    void otherStudiesRunNoInjectedScript() throws Exception {
        for (String name : List.of(HostileStudy.NAME_2, HostileStudy.JAVASCRIPT_URL)) {
            JsonNode page = exercise(studyPath(name),
                    "document.querySelectorAll('#trials tbody tr').length > 0");

            assertClean(page);
            assertThat(page.get("title").asText()).isEqualTo(name + " - Archforge dashboard");
            assertThat(page.get("heading").asText()).isEqualTo(name);
        }
    }

    @Test
    void reportRunsNoInjectedScript() throws Exception {
        StudySnapshot study = StudySnapshot.read(storage, HostileStudy.NAME).orElseThrow();
        Path html = StudyReport.write(study, storage.location(), dir.resolve("report")).html();

        browser.open(html.toUri());
        JsonNode page = browser.evaluate(EXERCISE);

        assertClean(page);
        assertThat(page.get("title").asText()).isEqualTo("Study " + HostileStudy.NAME
                + " - Archforge report");
    }

    /** Checks that nothing injected ran or entered the DOM. */
    private static void assertClean(JsonNode page) {
        assertThat(page.get("pwned").isNull()).as("window.__pwned = " + page.get("pwned"))
                .isTrue();
        assertThat(page.get("title").asText()).as("title set by a script").isNotEqualTo("pwned");
        assertThat(page.get("underlined").asInt()).as("<u> elements").isZero();
        assertThat(page.get("images").asInt()).as("images other than charts").isZero();
        assertThat(texts(page.get("handlers"))).as("elements with handlers").isEmpty();
        assertThat(page.get("inlineScripts").asInt()).as("inline scripts").isZero();
        assertThat(texts(page.get("links"))).allMatch(link -> link.startsWith("/")
                || link.startsWith("#"), "every link stays on the dashboard");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
