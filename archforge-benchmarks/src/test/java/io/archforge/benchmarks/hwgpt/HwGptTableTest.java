package io.archforge.benchmarks.hwgpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluation;
import io.archforge.space.Architecture;
import io.archforge.space.HwGptSpace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class HwGptTableTest {

    private static final Path SHARED = Path.of("/work/shared/data/hwgptbench");

    @Test
    void tablesHaveAllRowsAndPerplexityCounts() {
        HwGptTable small = HwGptTable.of(HwGptSpace.Size.S);
        HwGptTable medium = HwGptTable.of(HwGptSpace.Size.M);
        HwGptTable large = HwGptTable.of(HwGptSpace.Size.L);

        assertThat(small.rows()).isEqualTo(10_000);
        assertThat(medium.rows()).isEqualTo(10_000);
        assertThat(large.rows()).isEqualTo(10_000);
        assertThat(small.perplexityCount()).isEqualTo(10_000);
        assertThat(medium.perplexityCount()).isEqualTo(5_245);
        assertThat(large.perplexityCount()).isEqualTo(429);
        assertThat(small.archId(42)).isEqualTo("s00042");
    }

    @Test
    void firstRowHasPublishedValues() {
        HwGptTable table = HwGptTable.of(HwGptSpace.Size.S);
        HwGptDevice a100 = HwGptDevice.find("a100").orElseThrow();
        HwGptDevice gold = HwGptDevice.find("cpu_meta").orElseThrow();

        assertThat(table.architecture(0).text()).startsWith("layers=10,embed=768,bias=off,"
                + "heads_1=4,mlp_ratio_1=2,heads_2=12,mlp_ratio_2=2,");
        assertThat(table.params(0)).isEqualTo(148_591_104);
        assertThat(table.perplexity(0).orElseThrow()).isEqualTo(25.1413993835);
        assertThat(table.latencyMs(0, a100).orElseThrow()).isEqualTo(23.6405);
        assertThat(table.energyWh(0, a100).orElseThrow()).isEqualTo(0.0008296468);
        assertThat(table.memoryMb(0, a100).orElseThrow()).isEqualTo(836.958190918);
        assertThat(gold.name()).isEqualTo("cpu_xeon_gold");
        assertThat(table.latencyMs(0, gold).orElseThrow()).isEqualTo(2660.0);
    }

    @Test
    void evaluatorConvertsUnits() {
        HwGptTable table = HwGptTable.of(HwGptSpace.Size.S);
        HwGptDevice a100 = HwGptDevice.find("a100").orElseThrow();
        HwGptEvaluator evaluator = new HwGptEvaluator(table, Optional.of(a100));
        Evaluation evaluation = evaluator.evaluate(table.architecture(0), EvaluationContext.detached(1));

        assertThat(evaluation.metrics().get("latency_ms")).isEqualTo(23.6405);
        assertThat(evaluation.metrics().get("energy_mj"))
                .isCloseTo(0.0008296468 * 3.6e6, within(1e-6));
        assertThat(evaluation.metrics().get("memory_mb")).isEqualTo(836.958190918);
        assertThat(evaluation.metrics().get("token_accuracy"))
                .isCloseTo(40.52605331, within(1e-8));
        assertThat(evaluation.metrics().get("latency_ms@h100")).isEqualTo(10.2909);
        assertThat(evaluation.metrics().get("energy_mj@cpu_xeon_gold"))
                .isCloseTo(0.0424779571 * 3.6e6, within(1e-6));
        assertThat(evaluation.attributes()).containsEntry("arch_id", "s00000");
        assertThat(evaluator.metrics()).isEqualTo(evaluation.metrics().keySet());
    }

    @Test
    void evaluatorListsOnlyMeasuredMetrics() {
        HwGptEvaluator small = new HwGptEvaluator(HwGptTable.of(HwGptSpace.Size.S),
                Optional.empty());
        HwGptEvaluator medium = new HwGptEvaluator(HwGptTable.of(HwGptSpace.Size.M),
                Optional.of(HwGptDevice.find("cpu_p100").orElseThrow()));

        assertThat(small.metrics()).contains("perplexity", "token_accuracy", "params", "flops",
                "latency_ms@a100", "energy_mj@p100", "memory_mb@rtx2080",
                "latency_ms@cpu_p100");
        assertThat(small.metrics()).doesNotContain("latency_ms", "energy_mj@cpu_p100",
                "memory_mb@h100");
        assertThat(medium.metrics()).doesNotContain("perplexity", "token_accuracy",
                "energy_mj", "memory_mb");
        assertThat(medium.metrics()).contains("latency_ms", "latency_ms@cpu_amd_7513");
    }

    @Test
    void unmeasuredArchitectureIsRejected() {
        HwGptTable table = HwGptTable.of(HwGptSpace.Size.S);
        HwGptEvaluator evaluator = new HwGptEvaluator(table, Optional.empty());
        SplittableRandom random = new SplittableRandom(9);
        Architecture free = table.space().unrestricted().sample(random);
        while (table.rowOf(free).isPresent()) {
            free = table.space().unrestricted().sample(random);
        }
        Architecture unmeasured = free;

        assertThatThrownBy(() -> evaluator.evaluate(unmeasured, EvaluationContext.detached(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not one of the 10000 networks")
                .hasMessageContaining("nearest measured one: layers=");
    }

    @Test
    void devicesAcceptNamesAndKeys() {
        assertThat(HwGptDevice.find("P100").orElseThrow().name()).isEqualTo("p100");
        assertThat(HwGptDevice.find("helix_cpu").orElseThrow().name())
                .isEqualTo("cpu_amd_7513");
        assertThat(HwGptDevice.find("tpu")).isEmpty();
        assertThat(HwGptDevice.names()).hasSize(14);
    }

    @Test
    void rowsMatchSharedCsv() throws IOException {
        for (HwGptSpace.Size size : HwGptSpace.Size.values()) {
            Path csv = SHARED.resolve("hwgpt_" + size.letter() + ".csv.gz");
            Assumptions.assumeTrue(Files.isRegularFile(csv), "shared HW-GPT-Bench CSV absent");
            spotCheck(HwGptTable.of(size), csv);
        }
    }

    /** Compares every 97th row of the original CSV with the bundled table. */
    private static void spotCheck(HwGptTable table, Path csv) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(csv)), StandardCharsets.UTF_8))) {
            List<String> header = Arrays.asList(reader.readLine().split(",", -1));
            HwGptDevice v100 = HwGptDevice.find("v100").orElseThrow();
            HwGptDevice amd = HwGptDevice.find("cpu_amd_7452").orElseThrow();
            HwGptDevice rtx = HwGptDevice.find("rtx2080").orElseThrow();
            String line;
            int row = 0;
            while ((line = reader.readLine()) != null) {
                if (row % 97 == 0) {
                    String[] cells = line.split(",", -1);
                    Architecture architecture = HwGptSpace.ofColumns(table.size(),
                            Integer.parseInt(cells[header.indexOf("n_layer")]),
                            Integer.parseInt(cells[header.indexOf("n_embd")]),
                            cells[header.indexOf("bias")].equals("1"),
                            cells[header.indexOf("n_head")],
                            cells[header.indexOf("mlp_ratio")]);
                    int found = table.rowOf(architecture).orElseThrow();
                    assertThat(found).isEqualTo(row);
                    assertThat(table.archId(row)).isEqualTo(cells[header.indexOf("arch_id")]);
                    assertThat(table.flops(row))
                            .isEqualTo(Double.parseDouble(cells[header.indexOf("flops")]));
                    assertThat(table.latencyMs(row, v100).orElseThrow()).isEqualTo(
                            Double.parseDouble(cells[header.indexOf("lat_v100_ms")]));
                    assertThat(table.energyWh(row, amd).orElseThrow()).isEqualTo(
                            Double.parseDouble(cells[header.indexOf("energy_cpu_a6000_Wh")]));
                    assertThat(table.memoryMb(row, rtx).orElseThrow()).isEqualTo(
                            Double.parseDouble(cells[header.indexOf("mem_rtx2080_fp16_MB")]));
                    String perplexity = cells[header.indexOf("perplexity")];
                    assertThat(table.perplexity(row).isPresent())
                            .isEqualTo(!perplexity.isEmpty());
                }
                row++;
            }
            assertThat(row).isEqualTo(table.rows());
        }
    }
}
