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

class PredictorsBenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void singleRunPrintsMeasuresAsJson() throws IOException {
        int status = run("predictors", "--benchmark", "nb201", "--dataset", "cifar10",
                "--predictor", "gp", "--train-size", "50", "--test-size", "100", "--seed", "3",
                "--json");

        assertThat(status).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("predictor").asText()).isEqualTo("gp");
        assertThat(json.get("train_size").asInt()).isEqualTo(50);
        assertThat(json.get("seed").asLong()).isEqualTo(3);
        assertThat(json.get("target").asText()).isEqualTo("test_accuracy");
        // A GP on 50 cells ranks NAS-Bench-201 well above chance.
        assertThat(json.get("kendall_tau").asDouble()).isBetween(0.3, 1.0);
        assertThat(json.get("spearman_rho").asDouble()).isBetween(0.4, 1.0);
        assertThat(json.get("fit_seconds").asDouble()).isPositive();
        assertThat(json.get("query_seconds").asDouble()).isPositive();
        assertThat(json.get("runs")).hasSize(1);
    }

    @Test
    void outputHoldsRunsSummaryAndPlot(@TempDir Path dir) throws IOException {
        int status = run("predictors", "--benchmark", "nb201", "--dataset", "cifar10",
                "--predictor", "gp,ensemble", "--train-size", "8,24", "--test-size", "50",
                "--seeds", "2", "--output", dir.toString());

        assertThat(status).as(err.toString()).isZero();
        List<String> runs = Files.readAllLines(dir.resolve("runs.csv"));
        assertThat(runs).hasSize(1 + 2 * 2 * 2);
        assertThat(runs.get(0)).startsWith("benchmark,dataset,target,predictor,encoding,train_size");
        assertThat(Files.readString(dir.resolve("summary.md")))
                .contains("## nb201 cifar10").contains("| ensemble | stacked | 24 | 2 |");
        assertThat(dir.resolve("kendall-nb201-cifar10.png")).isNotEmptyFile();
        assertThat(out.toString()).contains("kendall_tau").contains("ensemble");
    }

    @Test
    void defaultSizesStopWhereSmallTableEnds() throws IOException {
        int status = run("predictors", "--benchmark", "nb101", "--predictor", "gp", "--json");

        assertThat(status).as(err.toString()).isZero();
        JsonNode runs = new ObjectMapper().readTree(out.toString()).get("runs");
        // 301 distinct cells with 200 held out leave 101 for training: sizes 5 to 100.
        assertThat(runs).hasSize(7);
        for (JsonNode run : runs) {
            assertThat(run.get("train_size").asInt()).isLessThanOrEqualTo(100);
        }
    }

    @Test
    void rejectsUnknownBenchmark() {
        assertThat(run("predictors", "--benchmark", "nb999")).isEqualTo(2);
        assertThat(err.toString()).contains("'nb999'").contains("nb201");
    }

    @Test
    void rejectsTrainSizeBelowPredictorMinimum() {
        assertThat(run("predictors", "--predictor", "ensemble", "--train-size", "3"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--train-size 3").contains("at least");
    }

    @Test
    void rejectsUnknownPredictor() {
        assertThat(run("predictors", "--predictor", "svm", "--train-size", "10")).isEqualTo(2);
        assertThat(err.toString()).contains("'svm'").contains("random-forest");
    }

    private int run(String... args) {
        return CommandLines.create(new BenchCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }
}
