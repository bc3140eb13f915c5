package io.archforge.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Evaluator;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.eval.Evaluator;
import io.archforge.space.CellSpace;
import io.archforge.space.SearchSpace;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.strategy.Strategies;
import io.archforge.study.Budget;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import io.archforge.study.StudyListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the Java example of README.md and checks that the README shows this very code. */
class ReadmeExampleTest {

    private static final String BEGIN = "// README example begins";
    private static final String END = "// README example ends";

    @TempDir
    Path dir;

    @Test
    void exampleFindsGoodCell() {
        Path file = dir.resolve("studies.db");
        FrozenTrial found;
        // README example begins
        try (Storage storage = Storages.open("sqlite:" + file)) {
            SearchSpace space = CellSpace.nb201();
            StudyConfig config = new StudyConfig("readme", space.name(), "nb201",
                    Map.of("dataset", "cifar10"), "evolution", Map.of("population", "20"),
                    List.of(Objective.maximize("test_accuracy")), 42);
            Study study = Study.open(storage, config, space,
                    Strategies.create(config.strategy(), config.strategyOptions()));
            try (Evaluator evaluator = new Nb201Evaluator(Nb201Table.load(),
                    Nb201Dataset.CIFAR10, Optional.empty())) {
                study.optimize(evaluator, Budget.trials(200), StudyListener.NONE);
            }
            FrozenTrial best = study.best().orElseThrow();
            System.out.println(best.architecture() + " " + best.metrics().get("test_accuracy"));
            // README example ends
            found = best;
        }

        // The best of 15,625 cells scores 94.37 %; 200 trials of evolution get within 2 points.
        assertThat(found.metrics().get("test_accuracy")).isGreaterThan(92.0);
    }

    @Test
    void readmeShowsThisCode() throws IOException {
        Path root = Path.of(System.getProperty("archforge.project.dir", "."));
        String source = Files.readString(root.resolve(
                "archforge-app/src/test/java/io/archforge/app/ReadmeExampleTest.java"));
        String readme = Files.readString(root.resolve("README.md"));

        int body = source.indexOf("void exampleFindsGoodCell");
        int begin = source.indexOf(BEGIN, body) + BEGIN.length();
        List<String> example = strip(source.substring(begin, source.indexOf(END, begin)));
        String block = readme.substring(readme.indexOf("```java") + "```java".length());
        List<String> shown = strip(block.substring(0, block.indexOf("```")));

        assertThat(example).hasSizeGreaterThan(10);
        assertThat(shown).containsSubsequence(example);
    }

    private static List<String> strip(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
