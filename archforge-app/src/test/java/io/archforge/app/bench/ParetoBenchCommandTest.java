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

class ParetoBenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void jsonHoldsMeasuresPerDatasetAndStrategy() throws IOException {
        int status = run("pareto", "--dataset", "cifar10", "--strategy", "nsga2,random",
                "--trials", "20", "--seeds", "3", "--threads", "2", "--json");

        assertThat(status).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("trials").asInt()).isEqualTo(20);
        JsonNode nsga2 = json.get("results").get("cifar10").get("nsga2");
        for (String measure : List.of("igd", "igd_plus", "hypervolume_ratio")) {
            assertThat(nsga2.get(measure).get("median").isNumber()).as(measure).isTrue();
            assertThat(nsga2.get(measure).get("mean").isNumber()).as(measure).isTrue();
            assertThat(nsga2.get(measure).get("iqr").asDouble()).as(measure).isNotNegative();
        }
        assertThat(nsga2.get("hypervolume_ratio").get("median").asDouble())
                .isPositive().isLessThanOrEqualTo(1.0);
        assertThat(json.get("results").get("cifar10").has("random")).isTrue();
    }

    @Test
    void outputHoldsRowsSummaryAndCharts(@TempDir Path dir) throws IOException {
        int status = run("pareto", "--dataset", "imagenet16-120", "--strategy", "mo-evolution",
                "--trials", "20", "--seeds", "2", "--threads", "1", "--output", dir.toString());

        assertThat(status).as(err.toString()).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("rows.csv"));
        // Checkpoints at 10 and 20 trials for each of 2 seeds.
        assertThat(rows).hasSize(1 + 2 * 2);
        assertThat(rows.get(0)).startsWith("dataset,strategy,seed,trials");
        assertThat(Files.readAllLines(dir.resolve("fronts.csv")))
                .anyMatch(line -> line.startsWith("imagenet16-120,true_front,"))
                .anyMatch(line -> line.startsWith("imagenet16-120,mo-evolution,"));
        assertThat(Files.readString(dir.resolve("summary.md")))
                .contains("After 20 trials").contains("| imagenet16-120 | mo-evolution |");
        assertThat(dir.resolve("front-imagenet16-120.png")).isNotEmptyFile();
        assertThat(dir.resolve("igd-imagenet16-120.png")).isNotEmptyFile();
        assertThat(out.toString()).contains("hv_ratio_median").contains("mo-evolution");
    }

    @Test
    void rejectsUnknownStrategy() {
        assertThat(run("pareto", "--strategy", "nsga2,tpe")).isEqualTo(2);
        assertThat(err.toString()).contains("'tpe'").contains("nsga2, mo-evolution, mo-bo");
    }

    @Test
    void rejectsUnknownDataset() {
        assertThat(run("pareto", "--dataset", "mnist")).isEqualTo(2);
        assertThat(err.toString()).contains("'mnist'").contains("cifar100");
    }

    @Test
    void rejectsAllBesideNames() {
        assertThat(run("pareto", "--dataset", "all,cifar10")).isEqualTo(2);
        assertThat(err.toString()).contains("all alone");
    }

    @Test
    void rejectsZeroTrials() {
        assertThat(run("pareto", "--trials", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--trials 0").contains("1 or more");
    }

    @Test
    void rejectsZeroSeeds() {
        assertThat(run("pareto", "--seeds", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--seeds 0").contains("1 or more");
    }

    @Test
    void rejectsRepeatedStrategy() {
        assertThat(run("pareto", "--strategy", "random,random")).isEqualTo(2);
        assertThat(err.toString()).contains("name each value once");
    }

    private int run(String... args) {
        return CommandLines.create(new BenchCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }
}
