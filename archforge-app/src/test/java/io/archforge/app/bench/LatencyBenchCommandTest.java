package io.archforge.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.app.cli.CommandLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyBenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void singleRunPrintsErrorAsJson() throws IOException {
        int status = run("latency", "--benchmark", "fbnet", "--device", "eyeriss", "--method",
                "transfer", "--train-size", "20", "--test-size", "200", "--json");

        assertThat(status).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("device").asText()).isEqualTo("eyeriss");
        assertThat(json.get("method").asText()).isEqualTo("transfer");
        assertThat(json.get("train_size").asInt()).isEqualTo(20);
        assertThat(json.get("test_size").asInt()).isEqualTo(200);
        assertThat(json.get("mape").asDouble()).isBetween(0.0, 100.0);
        assertThat(json.get("within10").asDouble()).isBetween(0.0, 100.0);
        assertThat(json.get("runs")).hasSize(1);
    }

    @Test
    void outputHoldsRunsSummaryAndPlot(@TempDir Path dir) throws IOException {
        int status = run("latency", "--benchmark", "nb201", "--device", "fpga,pixel3",
                "--method", "lookup,learned", "--train-size", "20,30", "--test-size", "100",
                "--seeds", "2", "--output", dir.toString());

        assertThat(status).as(err.toString()).isZero();
        List<String> runs = Files.readAllLines(dir.resolve("runs.csv"));
        // 2 devices x 2 methods x 2 sizes x 2 seeds.
        assertThat(runs).hasSize(1 + 16);
        assertThat(runs.get(0)).startsWith("benchmark,device,method,predictor,train_size");
        assertThat(Files.readString(dir.resolve("summary.md")))
                .contains("## nb201").contains("| fpga | lookup | - |")
                .contains("| pixel3 | learned | gp |");
        assertThat(dir.resolve("mape-nb201.png")).isNotEmptyFile();
        assertThat(out.toString()).contains("mape_%").contains("pixel3");
    }

    @Test
    void rejectsUnknownDeviceListingValidOnes() {
        assertThat(run("latency", "--benchmark", "fbnet", "--device", "tpu9")).isEqualTo(2);
        assertThat(err.toString()).contains("'tpu9'").contains("2080ti_64").contains("eyeriss");
    }

    @Test
    void rejectsTrainSizeAboveTable() {
        assertThat(run("latency", "--benchmark", "fbnet", "--device", "eyeriss",
                "--method", "lookup", "--train-size", "4500")).isEqualTo(2);
        assertThat(err.toString()).contains("--train-size 4500").contains("4000");
    }

    @Test
    void rejectsUnknownMethod() {
        assertThat(run("latency", "--method", "oracle")).isEqualTo(2);
        assertThat(err.toString()).contains("'oracle'").contains("learned+lookup");
    }

    @Test
    void rejectsTransferOnLocal() {
        assertThat(run("latency", "--benchmark", "local", "--method", "transfer")).isEqualTo(2);
        assertThat(err.toString()).contains("transfer").contains("local");
    }

    @Test
    void rejectsTransferBelowReferenceCount() {
        assertThat(run("latency", "--benchmark", "nb201", "--device", "fpga", "--method",
                "transfer", "--train-size", "5")).isEqualTo(2);
        assertThat(err.toString()).contains("--train-size 5").contains("at least 10");
    }

    @Test
    void rejectsGraphPredictor() {
        assertThat(run("latency", "--predictor", "gcn")).isEqualTo(2);
        assertThat(err.toString()).contains("'gcn'").contains("random-forest");
    }

    @Test
    void rejectsLocalRunThatCannotHoldOut() {
        assertThat(run("latency", "--benchmark", "local", "--networks", "40",
                "--train-size", "20,50")).isEqualTo(2);
        assertThat(err.toString()).contains("--networks").contains("50");
    }

    private int run(String... args) {
        return CommandLines.create(new BenchCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }
}
