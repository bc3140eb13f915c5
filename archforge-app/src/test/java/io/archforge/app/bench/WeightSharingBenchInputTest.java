package io.archforge.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.app.cli.CommandLines;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input to the weight-sharing benchmarks exits 2 before any training. */
class WeightSharingBenchInputTest {

    @TempDir
    Path directory;

    private final StringWriter err = new StringWriter();

    @Test
    void unknownVariantsAreRejected() {
        assertThat(run("darts", "--variants", "darts,warp", "--output",
                directory.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown variant 'warp'").contains("beta-darts");
        assertThat(run("supernet", "--variants", "greedy", "--output",
                directory.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("unknown variant 'greedy'").contains("few-shot");
    }

    @Test
    void invalidCountsAndFilesAreRejected() throws Exception {
        assertThat(run("ground-truth", "--cells", "0")).isEqualTo(2);
        assertThat(run("darts", "--standalone-channels", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("stand-alone skeleton");
        Path bad = Files.writeString(directory.resolve("truth.csv"), "cell,score\n");
        assertThat(run("supernet", "--ground-truth", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("invalid --ground-truth").contains("header");
    }

    private int run(String... args) {
        CommandLine line = CommandLines.create(new BenchCommand());
        line.setOut(new PrintWriter(new StringWriter(), true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }
}
