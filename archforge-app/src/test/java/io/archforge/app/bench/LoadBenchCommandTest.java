package io.archforge.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.app.cli.CommandLines;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code archforge bench load} with two workers on a small study, and its bad input. */
class LoadBenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void twoWorkersPassEveryCheck(@TempDir Path dir) throws IOException {
        Path logs = dir.resolve("logs");

        int status = run("load", "--storage", dir.resolve("load.db").toString(), "--workers",
                "2", "--trials", "40", "--study", "small", "--logs", logs.toString(), "--json");

        assertThat(status).as(err.toString()).isZero();
        JsonNode report = new ObjectMapper().readTree(out.toString());
        assertThat(report.get("passed").asBoolean()).as(out.toString()).isTrue();
        assertThat(report.get("workers").asInt()).isEqualTo(2);
        assertThat(report.get("failed_workers").asInt()).isZero();
        assertThat(report.get("finished_trials").asInt()).isEqualTo(40);
        assertThat(report.get("stored_trials").asInt()).isEqualTo(40);
        assertThat(report.get("gaps").asInt()).isZero();
        assertThat(report.get("duplicates").asInt()).isZero();
        assertThat(report.get("lost_trials").asInt()).isZero();
        assertThat(report.get("store_error_lines").asInt()).isZero();
        assertThat(report.get("trials_per_second").asDouble()).isPositive();
        assertThat(logs.resolve("worker-1.err")).exists();
        assertThat(logs.resolve("worker-2.err")).exists();
    }

    @Test
    void existingStudyIsRejected(@TempDir Path dir) {
        String store = dir.resolve("load.db").toString();
        try (Storage storage = Storages.open(store)) {
            storage.createStudy(new StudyConfig("taken", "nb201", "nb201",
                    Map.of("dataset", "cifar10"), "random", Map.of(),
                    List.of(Objective.maximize("test_accuracy")), 0L));
        }

        int status = run("load", "--storage", store, "--workers", "1", "--trials", "2",
                "--study", "taken");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("study 'taken' exists in")
                .contains("choose another --study");
    }

    @Test
    void badSettingsAreRejected(@TempDir Path dir) {
        int kills = run("load", "--workers", "3", "--kill", "3");
        String killError = err.toString();
        int delay = run("load", "--storage", dir.resolve("delay.db").toString(), "--workers",
                "1", "--trials", "2", "--trial-delay", "5x");

        assertThat(kills).isEqualTo(2);
        assertThat(killError).contains("invalid --kill 3: give 0 to 2");
        assertThat(delay).isEqualTo(2);
        assertThat(err.toString()).contains("invalid --trial-delay '5x'");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        CommandLine line = CommandLines.create(new BenchCommand());
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }
}
