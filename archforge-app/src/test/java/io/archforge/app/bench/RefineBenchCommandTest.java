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

class RefineBenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void writesSummaryAndRegret(@TempDir Path dir) throws IOException {
        int status = run("--dataset", "cifar10,cifar100", "--seeds", "2", "--source-trials",
                "40", "--trials", "30", "--threads", "1", "--output", dir.toString());

        assertThat(status).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("regret.csv"));
        assertThat(lines.get(0)).isEqualTo("seed,dataset,space,trial,regret");
        // Per seed and data set: 40 + 30 full-space trials and 30 refined ones.
        assertThat(lines).hasSize(1 + 2 * 2 * (70 + 30));
        String summary = Files.readString(dir.resolve("summary.md"));
        assertThat(summary).contains("Refinement of seed 0")
                .contains("| 2->3 |")
                .contains("Share of the 2 seeds")
                .contains("| cifar100 | 25 |")
                .contains("full at 40+t")
                .doesNotContain("| cifar10 | 50 |");
        assertThat(out.toString()).contains("Wrote summary.md and regret.csv");
    }

    @Test
    void confidenceOutsideUnitIntervalRejected(@TempDir Path dir) {
        int status = run("--confidence", "1", "--seeds", "1", "--output", dir.toString());

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("invalid --confidence 1.0");
    }

    private int run(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "refine";
        System.arraycopy(args, 0, full, 1, args.length);
        return CommandLines.create(new BenchCommand())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(full);
    }
}
