package io.archforge.app.online;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.archforge.app.cli.Cli;
import io.archforge.app.cli.ExitCodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OnlineCommandTest {

    /** A short stream: 600 hourly rows, windows of 48 inputs and 12 forecast steps. */
    private static final List<String> SHORT = List.of("--rows", "600", "--lookback", "48",
            "--horizon", "12", "--population", "2");

    @TempDir
    static Path dir;

    @Test
    void jsonHasStreamKeys() {
        Cli.Result result = online("--dataset", "etth1", "--detector", "page-hinkley",
                "--speed", "400", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = result.json();
        assertThat(json.get("dataset").asText()).isEqualTo("etth1");
        assertThat(json.get("rows").asInt()).isEqualTo(600);
        assertThat(json.get("mae").asDouble()).isFinite().isPositive();
        assertThat(json.get("mse").asDouble()).isFinite().isPositive();
        assertThat(json.get("mase").asDouble()).isFinite().isPositive();
        assertThat(json.get("swaps").isArray()).isTrue();
        assertThat(json.get("drifts").isArray()).isTrue();
        assertThat(json.get("detector").asText()).isEqualTo("page-hinkley");
        assertThat(json.get("compute").get("training_steps").asLong()).isPositive();
        assertThat(json.get("compute").get("cpu_seconds").asDouble()).isPositive();
        // At 400 rows per second, the 600 rows take 1.5 s, the first window included.
        assertThat(json.get("compute").get("wall_seconds").asDouble()).isGreaterThan(1.5);
        for (JsonNode swap : json.get("swaps")) {
            assertThat(swap.fieldNames()).toIterable().containsExactly("row", "timestamp",
                    "from", "to", "deployed_mae", "challenger_mae");
        }
    }

    @Test
    void textRunPrintsSummary() throws IOException {
        Path csv = syntheticCsv(dir.resolve("level.csv"));

        Cli.Result result = online("--dataset", "csv:" + csv, "--target", "load");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Streamed 600 rows of csv:" + csv)
                .contains("Prequential error (standardised): MAE ")
                .contains("training steps")
                .contains("Deployed at the end: block=");
        assertThat(result.out()).containsPattern("row \\d+/600 \\(");
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(List.of("--dataset", "etth9"), "unknown --dataset 'etth9'"),
                Arguments.of(List.of("--dataset", "etth1", "--speed", "0"), "invalid --speed 0"),
                Arguments.of(List.of("--dataset", "etth1", "--speed", "-5"),
                        "invalid --speed -5"),
                Arguments.of(List.of("--dataset", "etth1", "--speed", "fast"), "'fast'"),
                Arguments.of(List.of("--dataset", "etth1", "--detector", "cusum"),
                        "unknown drift detector 'cusum'"),
                Arguments.of(List.of("--dataset", "etth1", "--population", "1"),
                        "invalid --population 1"),
                Arguments.of(List.of("--dataset", "etth1", "--missing", "zero"),
                        "invalid --missing 'zero'"),
                Arguments.of(List.of("--dataset", "etth1", "--target", "nope"), "nope"),
                Arguments.of(List.of("--dataset", "csv:/nonexistent/x.csv", "--target", "a"),
                        "csv:/nonexistent/x.csv"),
                Arguments.of(List.of("--dataset", "csv:/nonexistent/x.csv"),
                        "missing --target"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputExitsWithUsage(List<String> options, String message) {
        Cli.Result result = Cli.run(Stream.concat(Stream.of("online"), options.stream())
                .toArray(String[]::new));

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).singleElement().asString().contains(message)
                .doesNotContain("Exception");
        assertThat(result.out()).isEmpty();
    }

    private static Cli.Result online(String... options) {
        List<String> args = new ArrayList<>(List.of("online"));
        args.addAll(List.of(options));
        args.addAll(SHORT);
        return Cli.run(args.toArray(String[]::new));
    }

    /** Writes 800 hourly rows of a daily cycle whose level rises after row 400. */
    private static Path syntheticCsv(Path file) throws IOException {
        StringBuilder text = new StringBuilder("date,load\n");
        LocalDateTime start = LocalDateTime.of(2021, 3, 1, 0, 0);
        for (int row = 0; row < 800; row++) {
            double level = row < 400 ? 10 : 14;
            double value = level + 3 * Math.sin(2 * Math.PI * row / 24) + (row * 7 % 5) * 0.1;
            text.append(start.plusHours(row).toString().replace('T', ' ')).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", value)).append('\n');
        }
        return Files.writeString(file, text);
    }
}
