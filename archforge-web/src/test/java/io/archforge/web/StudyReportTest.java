package io.archforge.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.FrozenTrial;
import io.archforge.web.analysis.StudySnapshot;
import io.archforge.web.report.StudyReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyReportTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    static Path dir;

    private static StudySnapshot single;
    private static StudySnapshot pair;
    private static StudyReport.ReportFiles singleFiles;
    private static StudyReport.ReportFiles pairFiles;

    @BeforeAll
    static void write() throws Exception {
        Path store = StudyStores.create(dir, 12);
        try (Storage storage = Storages.open("sqlite:" + store)) {
            single = StudySnapshot.read(storage, StudyStores.SINGLE).orElseThrow();
            pair = StudySnapshot.read(storage, StudyStores.PAIR).orElseThrow();
        }
        singleFiles = StudyReport.write(single, store.toString(), dir.resolve("single"));
        pairFiles = StudyReport.write(pair, store.toString(), dir.resolve("pair"));
    }

    @Test
    void filesExist() {
        for (StudyReport.ReportFiles files : List.of(singleFiles, pairFiles)) {
            assertThat(files.html()).isRegularFile().hasFileName("report.html");
            assertThat(files.csv()).isRegularFile().hasFileName("trials.csv");
            assertThat(files.json()).isRegularFile().hasFileName("trials.json");
        }
    }

    @Test
    void htmlEmbedsPngImages() throws Exception {
        String html = Files.readString(pairFiles.html());

        List<String> images = Dom.all(html, "src=\"data:image/png;base64,([^\"]+)\"");
        // history of both objectives, the Pareto front, parameter importance
        assertThat(images).hasSize(4);
        for (String image : images) {
            byte[] png = Base64.getDecoder().decode(image);
            assertThat(png).startsWith(PNG_SIGNATURE);
        }
    }

    @Test
    void htmlReferencesNothingOutside() throws Exception {
        for (Path html : List.of(singleFiles.html(), pairFiles.html())) {
            String page = Files.readString(html);

            assertThat(Dom.all(page, "src=\"([^\"]{0,12})")).allMatch(s -> s.startsWith("data:"));
            assertThat(Dom.all(page, "href=\"([^\"]*)\"")).allMatch(s -> s.startsWith("#"));
            assertThat(page).doesNotContain("<link", "http://", "https://", "url(");
        }
    }

    @Test
    void htmlHasEverySection() throws Exception {
        String single = Files.readString(singleFiles.html());
        String pair = Files.readString(pairFiles.html());

        assertThat(single).contains("id=\"configuration\"", "id=\"best\">Best trial",
                "id=\"history\"", "id=\"intermediate\"", "id=\"importance\"", "id=\"trials\"",
                "median");
        assertThat(single).doesNotContain("id=\"pareto\"");
        assertThat(pair).contains("id=\"best\">Pareto set", "id=\"pareto\"");
        // Every trial has a row in the table of all trials.
        String trials = single.substring(single.indexOf("id=\"trials\""));
        assertThat(Dom.count(trials, "<tr><td class=\"num\">"))
                .isEqualTo(StudyReportTest.single.trials().size());
    }

    @Test
    void intermediateImageOnlyWhenReported() throws Exception {
        String single = Files.readString(singleFiles.html());
        String pair = Files.readString(pairFiles.html());

        assertThat(single).contains("alt=\"Intermediate values of test_accuracy\"");
        assertThat(pair).contains("No trial reported intermediate values.");
    }

    @Test
    void csvHasRowPerTrialWithMetrics() throws Exception {
        List<List<String>> rows = Csv.parse(Files.readString(pairFiles.csv()));
        List<String> header = rows.get(0);

        assertThat(header.subList(0, 6)).containsExactly("number", "state", "architecture",
                "seed", "started", "finished");
        assertThat(header.get(6)).isEqualTo("test_accuracy");
        assertThat(header.get(7)).isEqualTo("params");
        assertThat(header).last().isEqualTo("attributes");
        assertThat(rows).hasSize(pair.trials().size() + 1);
        ObjectMapper mapper = new ObjectMapper();
        for (FrozenTrial trial : pair.trials()) {
            List<String> row = rows.get(trial.number() + 1);
            assertThat(row).hasSameSizeAs(header);
            assertThat(row.get(0)).isEqualTo(Integer.toString(trial.number()));
            assertThat(row.get(2)).isEqualTo(trial.architecture());
            assertThat(row.get(3)).isEqualTo(Long.toString(trial.seed()));
            assertThat(Double.parseDouble(row.get(6)))
                    .isEqualTo(trial.metrics().get("test_accuracy"));
            assertThat(Double.parseDouble(row.get(7))).isEqualTo(trial.metrics().get("params"));
            Map<?, ?> attributes = mapper.readValue(row.get(row.size() - 1), Map.class);
            assertThat(attributes).isEqualTo(trial.attributes());
        }
    }

    @Test
    void jsonHasConfigAndEveryTrial() throws Exception {
        JsonNode json = new ObjectMapper().readTree(singleFiles.json().toFile());

        assertThat(json.get("config").get("objectives").get(0).asText())
                .isEqualTo("test_accuracy:max");
        assertThat(json.get("config").get("scheduler").asText()).isEqualTo("median");
        JsonNode trials = json.get("trials");
        assertThat(trials).hasSize(single.trials().size());
        for (FrozenTrial trial : single.trials()) {
            JsonNode node = trials.get(trial.number());
            assertThat(node.get("number").asInt()).isEqualTo(trial.number());
            assertThat(node.get("state").asText()).isEqualTo(trial.state().name());
            assertThat(node.get("metrics").get("test_accuracy").asDouble())
                    .isEqualTo(trial.metrics().get("test_accuracy"));
            assertThat(node.get("intermediate")).hasSize(trial.intermediate().size());
            assertThat(node.get("attributes").size()).isEqualTo(trial.attributes().size());
        }
    }
}
