package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Evaluator;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.eval.Evaluation;
import io.archforge.eval.EvaluationContext;
import io.archforge.space.Architecture;
import io.archforge.space.CellSpace;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchJsonTest {

    private static Nb201Table table;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadTable() {
        table = Nb201Table.load();
    }

    @Test
    void jsonHasContractKeysAndTypes() {
        Cli.Result result = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar10",
                "--trials", "25", "--storage", dir.resolve("s.db").toString(), "--json");

        assertThat(result.exitCode()).isZero();
        JsonNode json = result.json();
        assertThat(json.get("study").isTextual()).isTrue();
        assertThat(json.get("study").asText()).isEqualTo("cifar10-nb201-evolution-s0");
        assertThat(json.get("completed_trials").isInt()).isTrue();
        assertThat(json.get("completed_trials").asInt()).isEqualTo(25);
        assertThat(json.get("total_trials").asInt()).isEqualTo(25);
        assertThat(json.get("stop_reason").asText()).isEqualTo("trial_budget");
        assertThat(json.get("storage").asText()).endsWith("s.db");
        JsonNode best = json.get("best");
        assertThat(best.get("trial").isInt()).isTrue();
        assertThat(best.get("architecture").isTextual()).isTrue();
        assertThat(best.get("metrics").isObject()).isTrue();
        assertThat(json.has("pareto")).isFalse();
    }

    @Test
    void bestArchitectureParsesAndMatchesTable() {
        Cli.Result result = Cli.run("search", "--benchmark", "nb201", "--dataset", "cifar100",
                "--trials", "20", "--storage", dir.resolve("s.db").toString(), "--json");

        JsonNode best = result.json().get("best");
        Architecture architecture = CellSpace.nb201().parse(best.get("architecture").asText());
        assertThat(architecture.text()).isEqualTo(best.get("architecture").asText());
        Map<String, Double> expected = lookUp(architecture, Nb201Dataset.CIFAR100,
                Optional.empty());
        assertThat(fieldNames(best.get("metrics")))
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((metric, value) ->
                assertThat(best.get("metrics").get(metric).asDouble()).as(metric).isEqualTo(value));
    }

    @Test
    void bestIsMaximumOverStudyTrials() {
        String storage = dir.resolve("s.db").toString();
        Cli.Result search = Cli.run("search", "--dataset", "cifar10", "--trials", "30",
                "--storage", storage, "--json");
        Cli.Result show = Cli.run("study", "show", "cifar10-nb201-evolution-s0", "--storage",
                storage,
                "--json");

        double max = Double.NEGATIVE_INFINITY;
        for (JsonNode trial : show.json().get("trials")) {
            max = Math.max(max, trial.get("metrics").get("test_accuracy").asDouble());
        }
        JsonNode best = search.json().get("best");
        assertThat(best.get("metrics").get("test_accuracy").asDouble()).isEqualTo(max);
    }

    @Test
    void twoObjectivesGiveParetoSet() {
        Cli.Result result = Cli.run("search", "--benchmark", "nb201", "--dataset", "imagenet16-120",
                "--device", "pixel3", "--objective", "test_accuracy:max", "--objective",
                "latency_ms:min",
                "--trials", "40", "--storage", dir.resolve("s.db").toString(), "--json");

        assertThat(result.exitCode()).isZero();
        JsonNode pareto = result.json().get("pareto");
        assertThat(pareto.isArray()).isTrue();
        assertThat(pareto.size()).isPositive();
        for (JsonNode a : pareto) {
            Architecture architecture = CellSpace.nb201().parse(a.get("architecture").asText());
            Map<String, Double> expected =
                    lookUp(architecture, Nb201Dataset.IMAGENET16_120, Optional.of("pixel3"));
            assertThat(a.get("metrics").get("latency_ms").asDouble())
                    .isEqualTo(expected.get("latency_ms"));
            for (JsonNode b : pareto) {
                boolean dominates = a.get("metrics").get("test_accuracy").asDouble()
                        >= b.get("metrics").get("test_accuracy").asDouble()
                        && a.get("metrics").get("latency_ms").asDouble()
                        <= b.get("metrics").get("latency_ms").asDouble()
                        && !a.get("metrics").equals(b.get("metrics"));
                assertThat(dominates).as("%s dominates %s", a, b).isFalse();
            }
        }
        assertThat(result.json().get("best").get("trial").asInt())
                .isEqualTo(pareto.get(0).get("trial").asInt());
    }

    @Test
    void textOutputShowsTable() {
        Cli.Result result = Cli.run("search", "--dataset", "cifar10", "--trials", "12",
                "--storage", dir.resolve("s.db").toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("rank", "trial", "architecture", "test_accuracy");
        assertThat(result.out()).contains("12 completed of 12 trials");
    }

    private static Map<String, Double> lookUp(Architecture architecture, Nb201Dataset dataset,
            Optional<String> device) {
        Evaluation evaluation = new Nb201Evaluator(table, dataset, device).evaluate(architecture,
                new FixedContext());
        return evaluation.metrics();
    }

    private static Iterable<String> fieldNames(JsonNode node) {
        return () -> {
            Iterator<String> names = node.fieldNames();
            return names;
        };
    }

    /** A context for a direct look-up outside any study. */
    private static final class FixedContext implements EvaluationContext {
        @Override
        public int trialNumber() {
            return 0;
        }

        @Override
        public long seed() {
            return 0;
        }

        @Override
        public void report(int step, String metric, double value) {
        }

        @Override
        public boolean shouldStop() {
            return false;
        }
    }
}
