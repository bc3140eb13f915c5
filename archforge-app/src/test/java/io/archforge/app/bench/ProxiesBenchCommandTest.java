package io.archforge.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.app.cli.CommandLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxiesBenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void writesCsvAndSummary(@TempDir Path dir) throws IOException {
        int status = run("proxies", "--benchmark", "nb201", "--dataset", "cifar10",
                "--stored-cells", "12", "--cells", "12", "--proxy", "params,flops,synflow",
                "--seed", "1", "--output", dir.toString());

        assertThat(status).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("proxies.csv"));
        assertThat(lines.get(0)).startsWith("nb201_index,architecture,stored,sampled,"
                + "test_accuracy,params,params_ms,stored_params");
        assertThat(lines.size() - 1).isBetween(12, 24);
        String summary = Files.readString(dir.resolve("summary.md"));
        assertThat(summary).contains("| params | 1.000 | 12 | yes |")
                .contains("| flops | 1.000 | 12 | yes |")
                .contains("over 12 sampled cells")
                .contains("| synflow |");
    }

    @Test
    void rejectsUnknownProxy(@TempDir Path dir) {
        assertThat(run("proxies", "--proxy", "params,zen", "--output", dir.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("'zen'").contains("grad_norm");
    }

    private int run(String... args) {
        return CommandLines.create(new BenchCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(args);
    }
}
