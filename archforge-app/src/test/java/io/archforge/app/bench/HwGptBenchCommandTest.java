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

class HwGptBenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void outputHoldsRowsCurveAndCharts(@TempDir Path dir) throws IOException {
        int status = run("hwgpt", "--device", "h100,cpu_amd_7513", "--strategy",
                "nsga2,random", "--trials", "20", "--seeds", "2", "--output", dir.toString(),
                "--json");

        assertThat(status).as(err.toString()).isZero();
        List<String> rows = Files.readAllLines(dir.resolve("rows.csv"));
        // Checkpoints at 10 and 20 trials, 2 devices x 2 strategies x 2 seeds.
        assertThat(rows).hasSize(1 + 2 * 2 * 2 * 2);
        assertThat(Files.readAllLines(dir.resolve("curve.csv"))).hasSize(1 + 2 * 2 * 2);
        assertThat(dir.resolve("hv-h100.png")).isNotEmptyFile();
        assertThat(dir.resolve("hv-cpu_amd_7513.png")).isNotEmptyFile();
        assertThat(Files.readString(dir.resolve("summary.md")))
                .contains("True front on h100:").contains("| h100 | nsga2 |");
        JsonNode nsga2 = new ObjectMapper().readTree(out.toString())
                .get("results").get("h100").get("nsga2");
        assertThat(nsga2.get("hypervolume_ratio_mean").asDouble())
                .isPositive().isLessThanOrEqualTo(1.0);
        assertThat(nsga2.get("hypervolume_ratio_std").asDouble()).isNotNegative();
    }

    @Test
    void unknownDeviceIsRejected() {
        int status = run("hwgpt", "--device", "tpu");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("unknown HW-GPT-Bench device 'tpu'")
                .contains("cpu_xeon_gold");
    }

    private int run(String... args) {
        return CommandLines.create(new BenchCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }
}
