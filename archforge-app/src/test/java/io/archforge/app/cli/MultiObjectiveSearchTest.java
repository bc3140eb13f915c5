package io.archforge.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Multi-objective NAS-Bench-201 searches with constraints through the command line:
 * the Pareto set, its hypervolume, feasibility, and picking a point afterwards.
 */
class MultiObjectiveSearchTest {

    @TempDir
    Path dir;

    private Cli.Result search(String strategy, String constraint, String study) {
        return Cli.run("search", "--dataset", "cifar10", "--strategy", strategy,
                "--objective", "test_accuracy:max", "--objective", "flops:min",
                "--constraint", constraint, "--trials", "60", "--study", study,
                "--storage", dir.resolve("s.db").toString(), "--json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nsga2", "mo-evolution", "mo-bo"})
    void feasibleFrontMatchesHypervolume(String strategy) {
        Cli.Result result = search(strategy, "params<=0.5", "mo-" + strategy);

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = result.json();
        assertThat(json.get("constraints").get(0).asText()).isEqualTo("params<=0.5");
        assertThat(json.get("feasible").asBoolean()).isTrue();
        List<double[]> points = new ArrayList<>();
        for (JsonNode trial : json.get("pareto")) {
            assertThat(trial.get("feasible").asBoolean()).isTrue();
            assertThat(trial.get("metrics").get("params").asDouble()).isLessThanOrEqualTo(0.5);
            points.add(new double[] {-trial.get("metrics").get("test_accuracy").asDouble(),
                    trial.get("metrics").get("flops").asDouble()});
        }
        assertThat(points).isNotEmpty();
        JsonNode reference = json.get("hypervolume_reference");
        double area = staircase(points, -reference.get("test_accuracy").asDouble(),
                reference.get("flops").asDouble());
        assertThat(json.get("hypervolume").asDouble()).isPositive()
                .isCloseTo(area, within(1e-6 * area));
    }

    @Test
    void infeasibleStudyReturnsLeastViolating() {
        Cli.Result result = search("nsga2", "params<=0.001", "impossible");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = result.json();
        assertThat(json.get("feasible").asBoolean()).isFalse();
        assertThat(json.get("pareto")).isNotEmpty();
        double least = Double.POSITIVE_INFINITY;
        for (JsonNode trial : json.get("pareto")) {
            assertThat(trial.get("feasible").asBoolean()).isFalse();
            least = Math.min(least, trial.get("metrics").get("params").asDouble());
        }
        assertThat(json.get("best").get("metrics").get("params").asDouble()).isEqualTo(least);

        Cli.Result text = Cli.run("study", "best", "impossible", "--storage",
                dir.resolve("s.db").toString());
        assertThat(text.out()).contains("no trial meets them");
    }

    @Test
    void studyBestPicksByWeightOrBudget() {
        assertThat(search("nsga2", "params<=1.5", "pick").exitCode()).isZero();
        String store = dir.resolve("s.db").toString();

        JsonNode accurate = Cli.run("study", "best", "pick", "--storage", store, "--json",
                "--weight", "test_accuracy=1").json();
        JsonNode cheap = Cli.run("study", "best", "pick", "--storage", store, "--json",
                "--weight", "flops=1").json();
        JsonNode pareto = accurate.get("pareto");
        assertThat(accurate.get("choice").get("trial").asInt())
                .isEqualTo(pareto.get(0).get("trial").asInt());
        assertThat(cheap.get("choice").get("trial").asInt())
                .isEqualTo(pareto.get(pareto.size() - 1).get("trial").asInt());

        double middle = pareto.get(pareto.size() / 2).get("metrics").get("flops").asDouble();
        JsonNode budget = Cli.run("study", "best", "pick", "--storage", store, "--json",
                "--budget", "flops<=" + middle).json();
        double bestWithin = -1;
        for (JsonNode trial : pareto) {
            if (trial.get("metrics").get("flops").asDouble() <= middle) {
                bestWithin = Math.max(bestWithin, trial.get("metrics").get("test_accuracy").asDouble());
            }
        }
        assertThat(budget.get("choice").get("metrics").get("test_accuracy").asDouble())
                .isEqualTo(bestWithin);
    }

    @Test
    void constraintReadsOtherDeviceColumn() {
        Cli.Result result = Cli.run("search", "--dataset", "cifar10", "--device", "pixel3",
                "--strategy", "nsga2", "--objective", "test_accuracy:max", "--objective",
                "latency_ms:min", "--constraint", "latency_ms<=3@raspi4", "--constraint",
                "latency_ms<=8@pixel3", "--trials", "40", "--study", "devices",
                "--storage", dir.resolve("s.db").toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = result.json();
        // The study's own device needs no suffix; the other one is read as a column.
        assertThat(json.get("constraints").toString())
                .contains("latency_ms<=3.0@raspi4").contains("\"latency_ms<=8.0\"");
        for (JsonNode trial : json.get("pareto")) {
            JsonNode metrics = trial.get("metrics");
            assertThat(metrics.has("latency_ms@raspi4")).isTrue();
            boolean within = metrics.get("latency_ms@raspi4").asDouble() <= 3
                    && metrics.get("latency_ms").asDouble() <= 8;
            assertThat(trial.get("feasible").asBoolean()).isEqualTo(within);
        }
    }

    @Test
    void plotsTheFrontAsPng() throws Exception {
        assertThat(search("mo-evolution", "params<=0.6", "plotted").exitCode()).isZero();
        Path png = dir.resolve("front.png");

        Cli.Result result = Cli.run("study", "best", "plotted", "--storage",
                dir.resolve("s.db").toString(), "--plot", png.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        byte[] bytes = java.nio.file.Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(1000);
        assertThat(new String(bytes, 1, 3, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("PNG");
    }

    @Test
    void budgetMissingMetricOrMissed() {
        assertThat(search("nsga2", "params<=1.0", "budgets").exitCode()).isZero();
        String store = dir.resolve("s.db").toString();

        Cli.Result unknown = Cli.run("study", "best", "budgets", "--storage", store, "--budget",
                "latency_ms<=2@raspi4");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("invalid --budget").contains("latency_ms@raspi4");

        Cli.Result missed = Cli.run("study", "best", "budgets", "--storage", store, "--budget",
                "flops<=0.0001");
        assertThat(missed.exitCode()).isZero();
        assertThat(missed.out()).contains("No trial meets the budget");
        JsonNode json = Cli.run("study", "best", "budgets", "--storage", store, "--json",
                "--budget", "flops<=0.0001").json();
        assertThat(json.get("choice").get("within_budget").asBoolean()).isFalse();
    }

    @Test
    void budgetOnOneObjective() {
        String store = dir.resolve("s.db").toString();
        assertThat(Cli.run("search", "--dataset", "cifar10", "--trials", "40", "--study", "one",
                "--storage", store).exitCode()).isZero();

        JsonNode json = Cli.run("study", "best", "one", "--storage", store, "--json",
                "--budget", "params<=0.3").json();

        JsonNode choice = json.get("choice");
        assertThat(choice.get("within_budget").asBoolean()).isTrue();
        assertThat(choice.get("metrics").get("params").asDouble()).isLessThanOrEqualTo(0.3);
    }

    @Test
    void resumeIgnoresConstraintOrder() {
        Cli.Result first = Cli.run("search", "--dataset", "cifar10", "--strategy", "nsga2",
                "--objective", "test_accuracy:max", "--objective", "flops:min",
                "--constraint", "params<=1.0", "--constraint", "flops<=100", "--trials", "20",
                "--study", "order", "--storage", dir.resolve("s.db").toString());
        assertThat(first.exitCode()).as(first.err()).isZero();

        Cli.Result swapped = Cli.run("search", "--dataset", "cifar10", "--strategy", "nsga2",
                "--objective", "test_accuracy:max", "--objective", "flops:min",
                "--constraint", "flops<=100", "--constraint", "params<=1.0", "--trials", "25",
                "--study", "order", "--storage", dir.resolve("s.db").toString());
        assertThat(swapped.exitCode()).as(swapped.err()).isZero();

        Cli.Result byName = Cli.run("search", "--study", "order", "--storage",
                dir.resolve("s.db").toString(), "--trials", "30", "--constraint", "params<=2");
        assertThat(byName.exitCode()).isEqualTo(2);
        assertThat(byName.err()).contains("params<=2");
    }

    @Test
    void plotRejectsNonPngName() {
        assertThat(search("nsga2", "params<=1.0", "plots").exitCode()).isZero();
        String store = dir.resolve("s.db").toString();

        Cli.Result jpg = Cli.run("study", "best", "plots", "--storage", store, "--plot",
                dir.resolve("front.jpg").toString());
        assertThat(jpg.exitCode()).isEqualTo(2);
        assertThat(jpg.err()).contains("front.jpg").contains(".png");
        assertThat(dir.resolve("front.jpg.png")).doesNotExist();
    }

    @Test
    void resumeRejectsOtherConstraints() {
        assertThat(search("nsga2", "params<=1.0", "fixed").exitCode()).isZero();

        Cli.Result other = search("nsga2", "params<=2.0", "fixed");

        assertThat(other.exitCode()).isEqualTo(2);
        assertThat(other.err()).contains("params<=1.0").contains("params<=2.0");
    }

    @Test
    void badInputNamesValue() {
        String store = dir.resolve("bad.db").toString();
        assertBad("latency_ms=<>5", "--dataset", "cifar10", "--constraint", "latency_ms=<>5",
                "--storage", store);
        assertBad("contradictory", "--dataset", "cifar10", "--objective", "flops:max",
                "--objective", "flops:min", "--storage", store);
        assertBad("contradictory", "--dataset", "cifar10", "--constraint", "params<=0.2",
                "--constraint", "params>=0.4", "--storage", store);
        assertBad("toaster", "--dataset", "cifar10", "--constraint",
                "latency_ms<=5@toaster", "--storage", store, "--trials", "1");
        assertBad("sample-size", "--dataset", "cifar10", "--strategy", "nsga2",
                "--sample-size", "3", "--storage", store);

        assertThat(search("nsga2", "params<=1.0", "w").exitCode()).isZero();
        String good = dir.resolve("s.db").toString();
        Cli.Result unknown = Cli.run("study", "best", "w", "--storage", good, "--weight",
                "accuracy=1");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("[accuracy]").contains("test_accuracy");
        Cli.Result both = Cli.run("study", "best", "w", "--storage", good, "--weight",
                "flops=1", "--budget", "flops<=5");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
    }

    private static void assertBad(String named, String... arguments) {
        List<String> args = new ArrayList<>(List.of("search"));
        args.addAll(List.of(arguments));
        Cli.Result result = Cli.run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(String.join(" ", arguments)).isEqualTo(2);
        assertThat(result.err()).as(String.join(" ", arguments)).contains(named);
    }

    /** Computes the area a set of minimised 2-D points dominates below the reference point. */
    private static double staircase(List<double[]> points, double refX, double refY) {
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(p -> p[0]));
        double area = 0;
        double ceiling = refY;
        for (double[] p : sorted) {
            if (p[1] < ceiling) {
                area += (refX - p[0]) * (ceiling - p[1]);
                ceiling = p[1];
            }
        }
        return area;
    }
}
