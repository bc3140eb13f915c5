package io.archforge.app.domain.hwgpt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.archforge.app.cli.Cli;
import io.archforge.benchmarks.hwgpt.HwGptDevice;
import io.archforge.benchmarks.hwgpt.HwGptTable;
import io.archforge.space.HwGptSpace;
import io.archforge.space.MeasuredSpace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Searches of the HW-GPT-Bench tables through the command line. */
class HwGptDomainTest {

    @TempDir
    Path dir;

    private Cli.Result search(String... options) {
        List<String> args = new java.util.ArrayList<>(List.of("search", "--benchmark", "hwgpt",
                "--storage", dir.resolve("s.db").toString(), "--json"));
        args.addAll(List.of(options));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void smallSearchFindsMeasuredBest() {
        Cli.Result result = search("--dataset", "s", "--trials", "20", "--study", "small");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = result.json();
        assertThat(json.get("completed_trials").asInt()).isEqualTo(20);
        assertThat(json.get("objectives").get(0).asText()).isEqualTo("perplexity:min");
        JsonNode best = json.get("best");
        HwGptTable table = HwGptTable.of(HwGptSpace.Size.S);
        MeasuredSpace space = table.space();
        int row = table.rowOf(space.parse(best.get("architecture").asText())).orElseThrow();
        assertThat(best.get("metrics").get("perplexity").asDouble())
                .isEqualTo(table.perplexity(row).orElseThrow());
        assertThat(best.get("metrics").get("latency_ms@a100").asDouble()).isEqualTo(
                table.latencyMs(row, HwGptDevice.find("a100").orElseThrow()).orElseThrow());
        assertThat(best.get("metrics").has("latency_ms")).isFalse();
    }

    @Test
    void deviceObjectiveReadsThatDevice() {
        Cli.Result result = search("--dataset", "m", "--device", "rtx2080", "--trials", "12",
                "--objective", "latency_ms@a100:min", "--objective", "energy_mj:min",
                "--strategy", "nsga2", "--study", "devices");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode metrics = result.json().get("pareto").get(0).get("metrics");
        HwGptTable table = HwGptTable.of(HwGptSpace.Size.M);
        String architecture = result.json().get("pareto").get(0).get("architecture").asText();
        int row = table.rowOf(table.space().parse(architecture)).orElseThrow();
        HwGptDevice rtx = HwGptDevice.find("rtx2080").orElseThrow();
        assertThat(metrics.get("latency_ms").asDouble())
                .isEqualTo(table.latencyMs(row, rtx).orElseThrow());
        assertThat(metrics.get("energy_mj").asDouble())
                .isEqualTo(table.energyWh(row, rtx).orElseThrow() * 3.6e6);
        assertThat(metrics.has("perplexity")).isFalse();
    }

    @Test
    void deviceConstraintIsApplied() {
        Cli.Result result = search("--dataset", "s", "--trials", "15", "--study", "bound",
                "--constraint", "latency_ms<=12@h100");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode best = result.json().get("best");
        assertThat(best.get("metrics").get("latency_ms@h100").asDouble())
                .isLessThanOrEqualTo(12);
    }

    @Test
    void unknownDeviceIsRejected() {
        Cli.assertSearchRejected(dir.resolve("a.db"), "unknown --device 'tpu' for --benchmark"
                + " hwgpt: use a GPU (a100,", List.of("--benchmark", "hwgpt", "--dataset", "s",
                "--device", "tpu"));
    }

    @Test
    void perplexityOnMediumIsRejected() {
        Cli.assertSearchRejected(dir.resolve("b.db"), "unknown objective metric 'perplexity'",
                List.of("--benchmark", "hwgpt", "--dataset", "m", "--objective",
                        "perplexity:min"));
        Cli.assertSearchRejected(dir.resolve("c.db"), "perplexity for only 429 of its 10000",
                List.of("--benchmark", "hwgpt", "--dataset", "l"));
    }

    @Test
    void trainingAndDataOptionsAreRejected() {
        Cli.assertSearchRejected(dir.resolve("d.db"), "--epochs 3 does not apply to "
                + "--benchmark hwgpt", List.of("--benchmark", "hwgpt", "--dataset", "s",
                "--epochs", "3"));
        Cli.assertSearchRejected(dir.resolve("e.db"), "unknown --dataset 'xl' for --benchmark"
                + " hwgpt: use s, m or l", List.of("--benchmark", "hwgpt", "--dataset", "xl"));
        Cli.assertSearchRejected(dir.resolve("f.db"), "--space nb201 does not fit --benchmark"
                + " hwgpt", List.of("--benchmark", "hwgpt", "--dataset", "s", "--space",
                "nb201"));
    }

    @Test
    void resumedStudyKeepsDevice() {
        Cli.Result first = search("--dataset", "l", "--device", "cpu_meta", "--trials", "5",
                "--objective", "latency_ms:min", "--study", "resume");
        Cli.Result second = Cli.run("search", "--storage", dir.resolve("s.db").toString(),
                "--study", "resume", "--trials", "8", "--json");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.json().get("completed_trials").asInt()).isEqualTo(8);
        assertThat(second.json().get("best").get("metrics").get("latency_ms").asDouble())
                .isEqualTo(second.json().get("best").get("metrics")
                        .get("latency_ms@cpu_xeon_gold").asDouble());
    }
}
