package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.archforge.study.FrozenTrial;
import io.archforge.study.TrialState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGINT stops a search after saving: exit status 130, a summary, and no trial left RUNNING. */
class InterruptTest {

    @TempDir
    Path dir;

    @Test
    void sigintSavesAndExits130() throws Exception {
        Path store = dir.resolve("s.db");
        Process process = Subprocess.start(dir, "search", List.of("search", "--benchmark", "nb201",
                "--dataset", "cifar10", "--trials", "3000", "--storage", store.toString(),
                "--study", "i", "--json"));
        Subprocess.awaitCompleted(store, "i", 20, process, Duration.ofSeconds(90));

        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(process.exitValue()).as(Subprocess.output(dir, "search", "err"))
                .isEqualTo(ExitCodes.INTERRUPTED);
        List<FrozenTrial> trials = Subprocess.trials(store, "i");
        assertThat(trials).noneMatch(t -> t.state() == TrialState.RUNNING);
        long completed = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).count();
        assertThat(completed).isGreaterThanOrEqualTo(20).isLessThan(3000);
        JsonNode json = Cli.parse(Subprocess.output(dir, "search", "out"));
        assertThat(json.get("stop_reason").asText()).isEqualTo("interrupted");
        assertThat(json.get("completed_trials").asLong()).isEqualTo(completed);
    }

    @Test
    void sigtermSavesAndExits143() throws Exception {
        Path store = dir.resolve("t.db");
        Process process = Subprocess.start(dir, "term", List.of("search", "--benchmark", "nb201",
                "--dataset", "cifar10", "--trials", "3000", "--storage", store.toString(),
                "--study", "t", "--json"));
        Subprocess.awaitCompleted(store, "t", 20, process, Duration.ofSeconds(90));

        Process kill = new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        // 128 + signal 15, set by the JVM after the shutdown hook has saved the search.
        assertThat(process.exitValue()).as(Subprocess.output(dir, "term", "err"))
                .isEqualTo(143);
        List<FrozenTrial> trials = Subprocess.trials(store, "t");
        assertThat(trials).noneMatch(t -> t.state() == TrialState.RUNNING);
        JsonNode json = Cli.parse(Subprocess.output(dir, "term", "out"));
        assertThat(json.get("stop_reason").asText()).isEqualTo("interrupted");
    }
}
