package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.archforge.app.refine.RefinementAttributes;
import io.archforge.app.refine.RefinementJson;
import io.archforge.refine.Refinement;
import io.archforge.space.CellSpace;
import io.archforge.space.MacroSpace;
import io.archforge.space.RefinedSpace;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import io.archforge.study.TrialState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code archforge refine} and {@code search --space-from} on a NAS-Bench-201 study. */
class RefineCommandTest {

    @TempDir
    static Path dir;

    private static String store;

    /** Random search with seed 0 leaves avg_pool_3x3 on edge 2->3 out of its top 30. */
    @BeforeAll
    static void searchSource() {
        store = dir.resolve("studies.db").toString();
        Cli.Result source = Cli.run("search", "--dataset", "cifar10", "--strategy", "random",
                "--trials", "150", "--storage", store, "--study", "source");
        assertThat(source.exitCode()).as(source.err()).isZero();
    }

    @Test
    void jsonListsEveryDecision() {
        Cli.Result result = Cli.run("refine", "source", "--confidence", "0.95", "--json",
                "--storage", store);

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = result.json();
        assertThat(json.get("study").asText()).isEqualTo("source");
        assertThat(json.get("space").asText()).isEqualTo("nb201");
        assertThat(json.get("confidence").asDouble()).isEqualTo(0.95);
        assertThat(json.get("trials").asInt()).isEqualTo(150);
        assertThat(json.get("top_trials").asInt()).isEqualTo(30);
        assertThat(json.get("size_before").asLong()).isEqualTo(15_625);
        assertThat(json.get("size_after").asLong()).isLessThan(15_625);
        assertThat(json.get("choices").size()).isEqualTo(6);
        JsonNode choice = json.get("choices").get(5);
        assertThat(choice.get("choice").asText()).isEqualTo("2->3");
        assertThat(choice.get("importance").isNumber()).isTrue();
        JsonNode pool = choice.get("values").get(4);
        assertThat(pool.get("value").asText()).isEqualTo("avg_pool_3x3");
        assertThat(pool.get("trials").asInt()).isPositive();
        assertThat(pool.get("top_trials").asInt()).isZero();
        assertThat(pool.get("p_value").asDouble()).isLessThan(0.05);
        assertThat(pool.get("decision").asText()).isEqualTo("removed");
        assertThat(pool.get("reason").asText()).contains("adjusted p");
    }

    @Test
    void storesRefinementAsAttribute() {
        Cli.Result result = Cli.run("refine", "source", "--confidence", "0.95", "--json",
                "--storage", store);

        assertThat(result.exitCode()).as(result.err()).isZero();
        try (Storage storage = Storages.open(store)) {
            String stored = storage.studyAttributes("source").get(RefinementAttributes.REFINEMENT);
            Refinement refinement = RefinementJson.read(stored);
            assertThat(refinement.study()).isEqualTo("source");
            assertThat(refinement.sizeAfter())
                    .isEqualTo(result.json().get("size_after").asLong());
        }
    }

    @Test
    void textShowsTableAndAllowedValues() {
        Cli.Result result = Cli.run("refine", "source", "--confidence", "0.95", "--storage",
                store);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Refined space: 12,500 of 15,625 architectures")
                .contains("adjusted p").contains("kept_in_best")
                .contains("2->3: none, skip_connect, nor_conv_1x1, nor_conv_3x3")
                .contains("--space-from source");
    }

    @Test
    void searchFromRefinedSpaceStaysInside() {
        assertThat(Cli.run("refine", "source", "--confidence", "0.95", "--storage", store)
                .exitCode()).isZero();

        // TPE builds cells from genes, so some proposals need moving into the space.
        Cli.Result search = Cli.run("search", "--dataset", "cifar100", "--strategy", "tpe",
                "--trials", "30", "--storage", store, "--study", "narrow",
                "--space-from", "source");
        Cli.Result resumed = Cli.run("search", "--storage", store, "--study", "narrow",
                "--trials", "45");
        Cli.Result worker = Cli.run("worker", "--storage", store, "--study", "narrow",
                "--trials", "55");

        assertThat(search.exitCode()).as(search.err()).isZero();
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(worker.exitCode()).as(worker.err()).isZero();
        try (Storage storage = Storages.open(store)) {
            Map<String, String> attributes = storage.studyAttributes("narrow");
            assertThat(attributes).containsEntry(RefinementAttributes.REFINED_FROM, "source");
            RefinedSpace refined = RefinementJson
                    .read(attributes.get(RefinementAttributes.REFINED_SPACE))
                    .apply(CellSpace.nb201());
            List<FrozenTrial> trials = storage.trials("narrow");
            assertThat(trials).hasSize(55);
            assertThat(trials).allMatch(t -> refined.contains(refined.parse(t.architecture())));
            assertThat(trials).noneMatch(t -> t.architecture().endsWith("avg_pool_3x3~2|"));
        }
    }

    @Test
    void spaceFromOtherSpaceRejected() {
        createMacroStudy("macro-source", 40);
        Cli.Result refined = Cli.run("refine", "macro-source", "--confidence", "0.9",
                "--storage", store);
        assertThat(refined.exitCode()).as(refined.err()).isZero();

        Cli.Result result = Cli.run("search", "--dataset", "cifar10", "--trials", "5",
                "--storage", store, "--study", "mixed", "--space-from", "macro-source");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString()
                .contains("refined in space 'macro'").contains("searches space 'nb201'");
        try (Storage storage = Storages.open(store)) {
            assertThat(storage.loadStudy("mixed")).isEmpty();
        }
    }

    @Test
    void spaceFromOnFullSpaceStudyRejected() {
        assertThat(Cli.run("refine", "source", "--confidence", "0.95", "--storage", store)
                .exitCode()).isZero();
        assertThat(Cli.run("search", "--dataset", "cifar10", "--trials", "3", "--storage",
                store, "--study", "full").exitCode()).isZero();

        Cli.Result result = Cli.run("search", "--storage", store, "--study", "full",
                "--trials", "6", "--space-from", "source");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("study 'full' exists and searches the full space");
        assertThat(attributes("full")).doesNotContainKey(RefinementAttributes.REFINED_SPACE);
    }

    @Test
    void spaceFromUnrefinedStudyRejected() {
        createMacroStudy("plain", 3);

        Cli.Result result = Cli.run("search", "--dataset", "cifar10", "--trials", "5",
                "--storage", store, "--study", "from-plain", "--space-from", "plain");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("study 'plain' has no stored refinement")
                .contains("archforge refine plain");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "1.5", "NaN", "-0.5"})
    void confidenceOutsideUnitIntervalStoresNothing(String confidence) {
        createMacroStudy("untouched-" + confidence, 40);

        Cli.Result result = Cli.run("refine", "untouched-" + confidence, "--confidence",
                confidence, "--storage", store);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString()
                .contains("invalid --confidence").contains("strictly between 0 and 1");
        assertThat(attributes("untouched-" + confidence))
                .doesNotContainKey(RefinementAttributes.REFINEMENT);
    }

    @Test
    void unknownStudyRejected() {
        Cli.Result result = Cli.run("refine", "missing", "--confidence", "0.95", "--storage",
                store);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString()
                .contains("study 'missing' not found").contains("source");
    }

    @Test
    void studyWithoutCompleteTrialsRejected() {
        createMacroStudy("empty", 0);

        Cli.Result result = Cli.run("refine", "empty", "--confidence", "0.95", "--storage",
                store);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("study 'empty' has no complete trial");
        assertThat(attributes("empty")).doesNotContainKey(RefinementAttributes.REFINEMENT);
    }

    @Test
    void tooFewTrialsNameMinimumOption() {
        Cli.Result result = Cli.run("refine", "source", "--confidence", "0.95",
                "--min-trials", "200", "--storage", store);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("150 complete trials").contains("--min-trials 200");
    }

    @Test
    void missingStoreLeftUncreated() {
        Path absent = dir.resolve("absent.db");

        Cli.Result result = Cli.run("refine", "source", "--confidence", "0.95", "--storage",
                absent.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(absent).doesNotExist();
    }

    /** Stores a macro-space study with {@code count} complete trials of random value. */
    static void createMacroStudy(String name, int count) {
        SplittableRandom random = new SplittableRandom(name.hashCode());
        try (Storage storage = Storages.open(store)) {
            storage.createStudy(new StudyConfig(name, MacroSpace.NAME, "train", Map.of(),
                    "random", Map.of(), List.of(Objective.maximize("accuracy")), 0));
            for (int i = 0; i < count; i++) {
                String text = MacroSpace.create().sample(random).text();
                int number = storage.createTrial(name, text, i, Map.of());
                storage.finishTrial(name, number, TrialState.COMPLETE,
                        Map.of("accuracy", random.nextDouble()), Map.of(), Optional.empty());
            }
        }
    }

    private static Map<String, String> attributes(String study) {
        try (Storage storage = Storages.open(store)) {
            return storage.studyAttributes(study);
        }
    }
}
