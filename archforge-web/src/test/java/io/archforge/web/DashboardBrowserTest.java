package io.archforge.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.FrozenTrial;
import io.archforge.study.IntermediateValue;
import io.archforge.study.TrialState;
import io.archforge.web.analysis.StudySnapshot;
import io.archforge.web.server.Dashboard;
import io.archforge.web.server.DashboardSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the dashboard pages in headless Chromium and checks what they render: one chart
 * point per complete trial, one table row per trial and the drawn cell. Writes the
 * screenshots of docs/screenshots. Skipped when /usr/bin/chromium is missing.
 */
class DashboardBrowserTest {

    private static final String POINT = "#4e79a7";
    private static final String DOMINATED = "#9c9c9c";
    private static final String FRONT = "#e15759";

    @TempDir
    static Path dir;

    private static Storage storage;
    private static Dashboard dashboard;
    private static Chromium chromium;

    @BeforeAll
    static void start() {
        assumeTrue(Chromium.installed(), "headless tests need " + Chromium.BINARY);
        Path store = StudyStores.create(dir, 20);
        storage = Storages.open("sqlite:" + store);
        dashboard = Dashboard.start(storage, new DashboardSettings("127.0.0.1", 0,
                Duration.ofSeconds(2)));
        chromium = new Chromium(dir);
    }

    @AfterAll
    static void stop() {
        if (dashboard != null) {
            dashboard.close();
            storage.close();
        }
    }

    private static URI page(String path) {
        return dashboard.uri().resolve(path);
    }

    private static StudySnapshot study(String name) {
        return StudySnapshot.read(storage, name).orElseThrow();
    }

    @Test
    void studiesPageListsEveryStudy() throws Exception {
        String dom = chromium.dumpDom(page("/"));

        assertThat(Dom.all(dom, "<tr data-study=\"([^\"]+)\""))
                .containsExactly(StudyStores.PAIR, StudyStores.SINGLE);
        assertThat(Dom.element(dom, "studies")).contains("test_accuracy:max params:min");
        Path png = Screenshots.directory().resolve("dashboard-studies.png");
        chromium.screenshot(page("/"), png);
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    @Test
    void historyHasPointPerCompleteTrial() throws Exception {
        StudySnapshot single = study(StudyStores.SINGLE);

        String dom = chromium.dumpDom(page("/study?name=single"));

        String history = Dom.chart(dom, "history-chart");
        assertThat(Dom.circles(history, POINT)).isEqualTo(single.complete().size());
        assertThat(single.complete().size()).isLessThan(single.trials().size());
    }

    @Test
    void tableHasRowPerTrial() throws Exception {
        StudySnapshot single = study(StudyStores.SINGLE);

        String dom = chromium.dumpDom(page("/study?name=single"));

        List<String> rows = Dom.all(Dom.element(dom, "trials"), "<tr data-trial=\"(\\d+)\"");
        assertThat(rows).hasSize(single.trials().size());
        assertThat(rows).first().isEqualTo("0");
        assertThat(Dom.count(Dom.element(dom, "trials"), "badge PRUNED")).isEqualTo(
                single.stateCounts().get(TrialState.PRUNED));
    }

    @Test
    void tableSortsByMetricFromAddress() throws Exception {
        StudySnapshot pair = study(StudyStores.PAIR);
        List<String> expected = pair.trials().stream()
                .sorted(Comparator.comparingDouble((FrozenTrial t) -> t.metrics().get("params"))
                        .reversed().thenComparingInt(FrozenTrial::number))
                .map(t -> Integer.toString(t.number())).toList();

        String dom = chromium.dumpDom(page("/study?name=pair#sort=metric%3Aparams:desc"));

        assertThat(Dom.all(Dom.element(dom, "trials"), "<tr data-trial=\"(\\d+)\""))
                .containsExactlyElementsOf(expected);
        assertThat(dom).contains("class=\"num sorted-desc\" data-key=\"metric:params\"");
    }

    @Test
    void intermediateChartHasEveryReportedPoint() throws Exception {
        StudySnapshot single = study(StudyStores.SINGLE);
        long reported = single.trials().stream().flatMap(t -> t.intermediate().stream())
                .filter(v -> v.metric().equals("test_accuracy")).count();

        String dom = chromium.dumpDom(page("/study?name=single"));

        assertThat(Dom.circles(Dom.chart(dom, "intermediate-chart"))).isEqualTo((int) reported);
        assertThat(single.trials().stream().flatMap(t -> t.intermediate().stream())
                .map(IntermediateValue::step).collect(Collectors.toSet()))
                .isEqualTo(Set.of(12, 200));
    }

    @Test
    void drawingShowsBestCell() throws Exception {
        FrozenTrial best = study(StudyStores.SINGLE).best().orElseThrow();
        // The cell string lists edges by target node, then source: |op~0|+|op~0|op~1|+|...
        List<String> operations = Dom.all(best.architecture(), "([a-z_0-9x]+)~\\d");

        String dom = chromium.dumpDom(page("/study?name=single"));

        String drawing = Dom.element(dom, "drawing");
        assertThat(Dom.all(drawing, "class=\"arch-node [a-z]+\"[^>]*data-label=\"([^\"]+)\""))
                .containsExactly("input", "node 1", "node 2", "output");
        assertThat(Dom.all(drawing, "class=\"edge-label\"[^>]*>([^<]+)<"))
                .containsExactlyElementsOf(operations);
        assertThat(dom).contains("Architecture of trial <span id=\"drawing-trial\">#"
                + best.number() + "</span>");
        Path png = Screenshots.directory().resolve("dashboard-study.png");
        chromium.screenshot(page("/study?name=single"), png);
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    @Test
    void paretoChartHighlightsFront() throws Exception {
        StudySnapshot pair = study(StudyStores.PAIR);
        int front = pair.paretoFront().size();

        String dom = chromium.dumpDom(page("/study?name=pair"));

        String chart = Dom.chart(dom, "pareto-chart");
        assertThat(Dom.circles(chart, FRONT)).isEqualTo(front);
        assertThat(Dom.circles(chart, DOMINATED)).isEqualTo(pair.complete().size() - front);
        assertThat(front).isPositive();
        assertThat(Dom.element(dom, "best")).contains("Pareto set: " + front + " trials");
        Path png = Screenshots.directory().resolve("dashboard-pareto.png");
        chromium.screenshot(page("/study?name=pair"), png);
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    @Test
    void importanceChartHasBarPerDecision() throws Exception {
        String dom = chromium.dumpDom(page("/study?name=pair"));

        String chart = Dom.chart(dom, "importance-chart");
        for (String edge : List.of("0-&gt;1", "0-&gt;2", "1-&gt;2", "0-&gt;3", "1-&gt;3",
                "2-&gt;3")) {
            assertThat(chart).contains(">" + edge + "<");
        }
        assertThat(Dom.element(dom, "importance-note")).contains("epsilon squared");
    }

    @Test
    void unknownStudyPageSaysNotFound() throws Exception {
        String dom = chromium.dumpDom(page("/study?name=missing"));

        assertThat(Dom.element(dom, "message")).contains("Study 'missing' not found");
    }
}
