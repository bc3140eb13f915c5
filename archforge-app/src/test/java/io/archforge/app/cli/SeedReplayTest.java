package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedReplayTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedReplaysTrials() {
        List<String> first = architectures("a.db", "7", "evolution");
        List<String> second = architectures("b.db", "7", "evolution");

        assertThat(first).hasSize(40);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void otherSeedGivesOtherTrials() {
        List<String> first = architectures("a.db", "7", "evolution");
        List<String> other = architectures("b.db", "8", "evolution");

        assertThat(other).hasSize(40);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void randomSearchReplaysToo() {
        assertThat(architectures("a.db", "1", "random")).isEqualTo(architectures("b.db", "1",
                "random"));
    }

    private List<String> architectures(String file, String seed, String strategy) {
        String storage = dir.resolve(file).toString();
        Cli.Result search = Cli.run("search", "--dataset", "cifar10", "--trials", "40",
                "--seed", seed,
                "--strategy", strategy, "--storage", storage, "--study", "replay");
        assertThat(search.exitCode()).isZero();
        JsonNode show = Cli.run("study", "show", "replay", "--storage", storage, "--json").json();
        List<String> trials = new ArrayList<>();
        for (JsonNode trial : show.get("trials")) {
            trials.add(trial.get("trial").asInt() + " " + trial.get("architecture").asText()
                    + " " + trial.get("seed").asLong());
        }
        return trials;
    }
}
