package io.archforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.FrozenTrial;
import io.archforge.study.TrialState;
import io.archforge.web.server.Dashboard;
import io.archforge.web.server.DashboardSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardApiTest {

    @TempDir
    static Path dir;

    private static Storage storage;
    private static Dashboard dashboard;
    private static URI base;

    @BeforeAll
    static void start() {
        Path store = StudyStores.create(dir, 14);
        storage = Storages.open("sqlite:" + store);
        dashboard = Dashboard.start(storage, new DashboardSettings("127.0.0.1", 0,
                Duration.ofSeconds(2)));
        base = dashboard.uri();
    }

    @AfterAll
    static void stop() {
        dashboard.close();
        storage.close();
    }

    @Test
    void servesOnLoopbackAtChosenPort() {
        assertThat(base.getHost()).isEqualTo("127.0.0.1");
        assertThat(base.getPort()).isEqualTo(dashboard.port()).isPositive();
    }

    @Test
    void studiesListsBothWithCounts() {
        JsonNode studies = Http.get(base, "/api/studies").json().get("studies");

        assertThat(studies).hasSize(2);
        assertThat(studies.get(0).get("name").asText()).isEqualTo(StudyStores.PAIR);
        assertThat(studies.get(0).get("objectives").toString())
                .isEqualTo("[\"test_accuracy:max\",\"params:min\"]");
        assertThat(studies.get(0).get("counts").get("COMPLETE").asInt()).isEqualTo(14);
        assertThat(studies.get(1).get("name").asText()).isEqualTo(StudyStores.SINGLE);
        assertThat(studies.get(1).get("strategy").asText()).isEqualTo("evolution");
        int finished = studies.get(1).get("counts").get("COMPLETE").asInt()
                + studies.get(1).get("counts").get("PRUNED").asInt();
        assertThat(finished).isEqualTo(14);
    }

    @Test
    void studyHasHistoryAndPareto() {
        List<FrozenTrial> trials = storage.trials(StudyStores.PAIR);
        JsonNode study = Http.get(base, "/api/study?name=" + StudyStores.PAIR).json();

        assertThat(study.get("history").get("test_accuracy")).hasSize(14);
        assertThat(study.get("history").get("params")).hasSize(14);
        assertThat(study.get("pareto").size()).isPositive();
        assertThat(study.get("importance").get("available").asBoolean()).isTrue();
        assertThat(study.get("importance").get("decisions")).hasSize(6);
        FrozenTrial first = trials.get(0);
        assertThat(study.get("history").get("test_accuracy").get(0).get("value").asDouble())
                .isEqualTo(first.metrics().get("test_accuracy"));
    }

    @Test
    void singleStudyHasIntermediateValues() {
        JsonNode study = Http.get(base, "/api/study?name=" + StudyStores.SINGLE).json();

        JsonNode curves = study.get("intermediate").get("curves").get("test_accuracy");
        assertThat(study.get("intermediate").get("metrics").get(0).asText())
                .isEqualTo("test_accuracy");
        assertThat(curves.size()).isEqualTo(14);
        assertThat(curves.get(0).get("points").get(0).get(0).asInt()).isEqualTo(12);
        assertThat(study.get("pareto")).isEmpty();
        assertThat(study.get("best").isInt()).isTrue();
    }

    @Test
    void trialsMatchStore() {
        List<FrozenTrial> stored = storage.trials(StudyStores.SINGLE);
        JsonNode trials = Http.get(base, "/api/trials?study=" + StudyStores.SINGLE).json()
                .get("trials");

        assertThat(trials).hasSize(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            assertThat(trials.get(i).get("architecture").asText())
                    .isEqualTo(stored.get(i).architecture());
            assertThat(trials.get(i).get("state").asText())
                    .isEqualTo(stored.get(i).state().name());
        }
        assertThat(stored).anyMatch(t -> t.state() == TrialState.COMPLETE);
    }

    @Test
    void graphDrawsTrialCell() {
        FrozenTrial trial = storage.trial(StudyStores.PAIR, 3).orElseThrow();

        JsonNode graph = Http.get(base, "/api/graph?study=pair&trial=3").json();

        assertThat(graph.get("architecture").asText()).isEqualTo(trial.architecture());
        JsonNode cell = graph.get("cells").get(0);
        assertThat(cell.get("layout").asText()).isEqualTo("dag");
        assertThat(cell.get("nodes")).hasSize(4);
        assertThat(cell.get("edges")).hasSize(6);
        assertThat(trial.architecture()).contains(cell.get("edges").get(0).get("label").asText()
                + "~0");
    }

    @Test
    void unknownStudyIsNotFound() {
        Http.Response api = Http.get(base, "/api/study?name=" + Http.encode("no such"));
        Http.Response page = Http.get(base, "/study?name=" + Http.encode("no such"));

        assertThat(api.status()).isEqualTo(404);
        assertThat(api.json().get("error").asText()).contains("'no such' not found");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Study &#39;no such&#39; not found");
    }

    @Test
    void unknownTrialAndBadNumberAreRejected() {
        assertThat(Http.get(base, "/api/graph?study=pair&trial=999").status()).isEqualTo(404);
        assertThat(Http.get(base, "/api/graph?study=pair&trial=x").status()).isEqualTo(400);
        assertThat(Http.get(base, "/api/graph?study=pair").status()).isEqualTo(400);
    }

    @Test
    void pagesLoadOnlyLocalResources() {
        String page = Http.get(base, "/study?name=pair").body();

        assertThat(page).doesNotContain("http://", "https://", "//cdn");
        assertThat(page).contains("/webjars/echarts/5.3.1/dist/echarts.min.js");
        Http.Response echarts = Http.get(base, "/webjars/echarts/5.3.1/dist/echarts.min.js");
        assertThat(echarts.status()).isEqualTo(200);
        // The library is 1 MB; report only whether it contains its version mark.
        assertThat(echarts.body().contains("version=\"5.3.1\"")).as("ECharts 5.3.1 served")
                .isTrue();
        for (String script : List.of("common.js", "study.js", "drawing.js", "studies.js",
                "dashboard.css")) {
            assertThat(Http.get(base, "/static/" + script).status()).as(script).isEqualTo(200);
        }
    }

    @Test
    void studyNameIsEscapedInPage() {
        String page = Http.get(base, "/study?name=pair").body();

        assertThat(page).contains("data-study=\"pair\"").contains("data-poll-ms=\"2000\"");
    }
}
