package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Evaluator;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.eval.Evaluator;
import io.archforge.eval.cache.CachingEvaluator;
import io.archforge.space.Architecture;
import io.archforge.storage.Storage;
import io.archforge.store.jdbc.JdbcStorage;
import io.archforge.store.jdbc.Storages;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.StudyConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluation cache in {@code archforge search}: shared by studies, off with --no-cache. */
class SearchCacheTest {

    private static final int TRIALS = 15;

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("studies.db");
    }

    private Cli.Result search(String study, String... extra) {
        List<String> args = new ArrayList<>(List.of("search", "--dataset", "cifar10",
                "--trials", Integer.toString(TRIALS), "--seed", "3", "--storage",
                file().toString(), "--study", study, "--json"));
        args.addAll(List.of(extra));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isZero();
        return result;
    }

    private List<FrozenTrial> trials(String study) {
        try (Storage storage = Storages.open(file().toString())) {
            return storage.trials(study);
        }
    }

    @Test
    void secondStudyServedFromCache() {
        search("first");
        search("second");

        List<FrozenTrial> first = trials("first");
        List<FrozenTrial> second = trials("second");
        assertThat(first).hasSize(TRIALS);
        assertThat(second).hasSize(TRIALS);
        for (int i = 0; i < TRIALS; i++) {
            assertThat(first.get(i).attributes()).as("first, trial %d", i)
                    .containsEntry(CachingEvaluator.ATTRIBUTE, CachingEvaluator.MISS);
            assertThat(second.get(i).attributes()).as("second, trial %d", i)
                    .containsEntry(CachingEvaluator.ATTRIBUTE, CachingEvaluator.HIT)
                    .containsEntry(CachingEvaluator.CACHED_ARCHITECTURE,
                            first.get(i).architecture());
            assertThat(second.get(i).metrics().get("test_accuracy"))
                    .isEqualTo(first.get(i).metrics().get("test_accuracy"));
        }
    }

    @Test
    void otherProtocolSharesLookups() {
        search("test-protocol");
        search("valid12-protocol", "--protocol", "valid12");

        assertThat(trials("valid12-protocol")).isNotEmpty().allSatisfy(trial ->
                assertThat(trial.attributes().get(CachingEvaluator.ATTRIBUTE))
                        .isIn(CachingEvaluator.HIT, CachingEvaluator.MISS));
        assertThat(trials("valid12-protocol")).anySatisfy(trial ->
                assertThat(trial.attributes())
                        .containsEntry(CachingEvaluator.ATTRIBUTE, CachingEvaluator.HIT));
    }

    @Test
    void otherDatasetMisses() {
        search("cifar10");
        Cli.Result other = Cli.run("search", "--dataset", "cifar100", "--trials",
                Integer.toString(TRIALS), "--seed", "3", "--storage", file().toString(),
                "--study", "cifar100", "--json");
        assertThat(other.exitCode()).as("stderr: %s", other.err()).isZero();

        assertThat(trials("cifar100")).hasSize(TRIALS).allSatisfy(trial ->
                assertThat(trial.attributes())
                        .containsEntry(CachingEvaluator.ATTRIBUTE, CachingEvaluator.MISS));
    }

    @Test
    void noCacheEvaluatesAgain() throws SQLException {
        search("first");
        int entries = countEntries();
        search("second", "--no-cache");

        List<FrozenTrial> first = trials("first");
        List<FrozenTrial> second = trials("second");
        assertThat(entries).isEqualTo(TRIALS);
        assertThat(countEntries()).isEqualTo(entries);
        assertThat(second).hasSize(TRIALS);
        for (int i = 0; i < TRIALS; i++) {
            assertThat(second.get(i).attributes()).as("trial %d", i)
                    .doesNotContainKey(CachingEvaluator.ATTRIBUTE)
                    .doesNotContainKey(CachingEvaluator.CACHED_FROM);
            assertThat(second.get(i).metrics().get("test_accuracy"))
                    .isEqualTo(first.get(i).metrics().get("test_accuracy"));
        }
    }

    private int countEntries() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM evaluation_cache")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Test
    void noisyEvaluatorNeverCached() {
        StudyConfig config = new StudyConfig("noisy", "nb201", "nb201",
                Map.of("dataset", "cifar10"), "random", Map.of(),
                List.of(Objective.maximize("test_accuracy")), 0);
        Evaluator deterministic = new Nb201Evaluator(Nb201Table.load(), Nb201Dataset.CIFAR10,
                Optional.empty());
        Evaluator noisy = new Noisy(deterministic);
        try (JdbcStorage storage = Storages.openSqlite(file())) {
            SearchCache forNoisy = SearchCache.choose(noisy, config, storage, false);
            SearchCache forDeterministic =
                    SearchCache.choose(deterministic, config, storage, false);
            SearchCache disabled = SearchCache.choose(deterministic, config, storage, true);

            assertThat(forNoisy.evaluator()).isSameAs(noisy);
            assertThat(forDeterministic.evaluator()).isInstanceOf(CachingEvaluator.class);
            assertThat(disabled.evaluator()).isSameAs(deterministic);
        }
    }

    /** A deterministic evaluator that declares itself noisy. */
    private record Noisy(Evaluator delegate) implements Evaluator {
        @Override
        public Set<String> metrics() {
            return delegate.metrics();
        }

        @Override
        public Evaluation evaluate(Architecture architecture, EvaluationContext context) {
            return delegate.evaluate(architecture, context);
        }

        @Override
        public boolean isNoisy() {
            return true;
        }
    }
}
