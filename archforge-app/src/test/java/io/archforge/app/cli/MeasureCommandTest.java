package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201NetworkCost;
import io.archforge.space.CellSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MeasureCommandTest {

    private static final String CONVOLUTIONS = "|nor_conv_3x3~0|+|nor_conv_3x3~0|"
            + "nor_conv_1x1~1|+|skip_connect~0|nor_conv_3x3~1|avg_pool_3x3~2|";
    private static final String EMPTY = "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|";
    private static final String MACRO = "s1.depth=1,s1.width=16,s1.kernel=3,s1.expansion=1,"
            + "s1.residual=off,s2.depth=1,s2.width=16,s2.kernel=3,s2.expansion=1,s2.residual=off,"
            + "s3.depth=1,s3.width=16,s3.kernel=3,s3.expansion=1,s3.residual=off";
    private static final List<String> KEYS = List.of("architecture", "latency_ms",
            "latency_p10_ms", "latency_p90_ms", "latency_outliers", "latency_batch_ms",
            "batch_size", "params", "flops", "memory_mb", "memory_measured_mb", "energy_mj",
            "energy_model");

    @TempDir
    Path dir;

    @Test
    void nb201JsonLinesPerCell() throws IOException {
        Path file = Files.writeString(dir.resolve("cells.txt"), "# cells\n" + EMPTY + "\n");

        Cli.Result result = Cli.run("measure", "--benchmark", "nb201", "--dataset",
                "imagenet16-120", "--architecture", CONVOLUTIONS, "--architectures",
                file.toString(), "--batch-size", "4", "--runs", "30", "--warmup", "1",
                "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = Cli.parse(lines.get(0));
        JsonNode second = Cli.parse(lines.get(1));
        for (String key : KEYS) {
            assertThat(first.has(key)).as(key).isTrue();
        }
        assertThat(first.get("architecture").asText()).isEqualTo(CONVOLUTIONS);
        assertThat(second.get("architecture").asText()).isEqualTo(EMPTY);
        assertThat(first.get("batch_size").asInt()).isEqualTo(4);
        assertThat(first.get("latency_ms").asDouble()).isPositive();
        assertThat(first.get("latency_p10_ms").asDouble())
                .isLessThanOrEqualTo(first.get("latency_p90_ms").asDouble());
        assertThat(first.get("latency_batch_ms").asDouble()).isPositive();
        assertThat(first.get("memory_measured_mb").asDouble())
                .isGreaterThan(first.get("memory_mb").asDouble());
        assertThat(first.get("energy_mj").asDouble())
                .isGreaterThan(second.get("energy_mj").asDouble());
        assertThat(first.get("energy_model").asText()).startsWith("model-based estimate");

        // The built network has the benchmark's parameters, FLOPs and memory estimate.
        int[] genes = CellSpace.nb201().parse(CONVOLUTIONS).genes().stream()
                .mapToInt(Number::intValue).toArray();
        Nb201NetworkCost.Cost cost = Nb201NetworkCost.of(genes, Nb201Dataset.IMAGENET16_120);
        assertThat(first.get("params").asDouble()).isCloseTo(cost.params(), within(1e-9));
        assertThat(first.get("flops").asDouble()).isCloseTo(cost.flops(), within(0.01));
        assertThat(first.get("memory_mb").asDouble())
                .isCloseTo(cost.memory().megabytes(), within(1e-12));
    }

    @Test
    void macroTableWithEstimateNotes() {
        Cli.Result result = Cli.run("measure", "--dataset", "fashion-mnist", "--architecture",
                MACRO, "--batch-size", "2", "--runs", "30", "--warmup", "1");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains(MACRO).contains("batch-2 ms")
                .contains("memory est MB").contains("energy est mJ")
                .contains("energy_mj: model-based estimate");
    }

    @Test
    void measuresStudyBestArchitecture() {
        Path store = dir.resolve("s.db");
        Cli.Result search = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--trials", "5", "--storage", store.toString(), "--study", "m");
        assertThat(search.exitCode()).as(search.err()).isZero();
        String best = Cli.run("study", "best", "m", "--storage", store.toString(), "--json")
                .json().get("best").get("architecture").asText();

        Cli.Result result = Cli.run("measure", "--dataset", "cifar10", "--architecture", best,
                "--batch-size", "2", "--runs", "30", "--warmup", "0", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Cli.parse(result.out()).get("architecture").asText()).isEqualTo(best);
    }

    static Stream<Arguments> badMeasures() {
        return Stream.of(
                Arguments.of("bogus", List.of("--benchmark", "nb201", "--dataset", "cifar10",
                        "--architecture", "|bogus~0|+|none~0|none~1|+|none~0|none~1|none~2|")),
                Arguments.of("--dataset fashion-mnist", List.of("--benchmark", "nb201",
                        "--dataset", "cifar10", "--architecture", MACRO)),
                Arguments.of("--benchmark nb201", List.of("--dataset", "fashion-mnist",
                        "--architecture", EMPTY)),
                Arguments.of("no-such-file.txt", List.of("--dataset", "cifar10",
                        "--architectures", "no-such-file.txt")),
                Arguments.of("mnist", List.of("--dataset", "mnist", "--architecture", EMPTY)),
                Arguments.of("--batch-size 0", List.of("--dataset", "cifar10", "--architecture",
                        EMPTY, "--batch-size", "0")),
                Arguments.of("--runs 5", List.of("--dataset", "cifar10", "--architecture",
                        EMPTY, "--runs", "5")),
                Arguments.of("--threads 0", List.of("--dataset", "cifar10", "--architecture",
                        EMPTY, "--threads", "0")),
                Arguments.of("--architecture ARCH", List.of("--dataset", "cifar10")));
    }

    @ParameterizedTest(name = "measure {0}")
    @MethodSource("badMeasures")
    void badInputIsOneUsageLine(String value, List<String> options) {
        List<String> args = new ArrayList<>(List.of("measure"));
        args.addAll(options);

        Cli.Result result = Cli.run(args.toArray(String[]::new));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).singleElement().asString()
                .contains(value)
                .doesNotContain("Exception");
    }
}
