package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyCommandTest {

    private static final String FIRST = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+"
            + "|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";
    private static final String SECOND = "|skip_connect~0|+|none~0|nor_conv_1x1~1|+"
            + "|avg_pool_3x3~0|none~1|nor_conv_3x3~2|";

    @TempDir
    Path dir;

    @Test
    void jsonLinesHaveOneKeyPerProxy() throws IOException {
        Path file = Files.writeString(dir.resolve("cells.txt"),
                "# two cells\n" + FIRST + "\n\n  " + SECOND + "\n");

        Cli.Result result = Cli.run("proxy", "--benchmark", "nb201", "--dataset", "cifar10",
                "--proxy", "params", "--proxy", "synflow", "--proxy", "nwot",
                "--batch-size", "4", "--proxy-data", "noise", "--architectures",
                file.toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = Cli.parse(lines.get(0));
        assertThat(first.get("architecture").asText()).isEqualTo(FIRST);
        // 73,306 parameters outside the cells plus 243,040 per 3x3 convolution edge
        // (C*C*9 + 2*C at C = 16, 32, 64, in 5 cells each), and FIRST has 3 of them.
        assertThat(first.get("params").asDouble()).isCloseTo(0.802426, within(1e-9));
        assertThat(first.get("synflow").isNumber()).isTrue();
        assertThat(first.get("nwot").isNumber()).isTrue();
        assertThat(Cli.parse(lines.get(1)).get("architecture").asText()).isEqualTo(SECOND);
    }

    @Test
    void sameSeedRepeatsScores() throws IOException {
        Path file = Files.writeString(dir.resolve("cells.txt"), FIRST + "\n");
        String[] args = {"proxy", "--proxy", "snip", "--batch-size", "4",
            "--architectures", file.toString(), "--json", "--seed", "3"};

        Cli.Result first = Cli.run(args);
        Cli.Result second = Cli.run(args);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void tableWithoutJson() throws IOException {
        Path file = Files.writeString(dir.resolve("cells.txt"), SECOND + "\n");

        Cli.Result result = Cli.run("proxy", "--proxy", "flops", "--dataset",
                "imagenet16-120", "--architectures", file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("architecture").contains("flops")
                .contains(SECOND);
    }

    @Test
    void unknownProxyListsAllowedNames() throws IOException {
        Path file = Files.writeString(dir.resolve("cells.txt"), FIRST + "\n");

        Cli.Result result = Cli.run("proxy", "--proxy", "synflow", "--proxy", "zen",
                "--architectures", file.toString(), "--json");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.err()).contains("'zen'")
                .contains("params, flops, synflow, snip, grad_norm, fisher, grasp, jacov, nwot");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void malformedLineNamesNumberAndText() throws IOException {
        Path file = Files.writeString(dir.resolve("cells.txt"),
                FIRST + "\n# comment\n|conv~0|+|x~1|\n");

        Cli.Result result = Cli.run("proxy", "--proxy", "params", "--architectures",
                file.toString(), "--json");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("line 3").contains("'|conv~0|+|x~1|'");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void missingFileNamesPath() {
        Path missing = dir.resolve("absent.txt");

        Cli.Result result = Cli.run("proxy", "--proxy", "params", "--architectures",
                missing.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains(missing.toString()).contains("not found");
    }
}
