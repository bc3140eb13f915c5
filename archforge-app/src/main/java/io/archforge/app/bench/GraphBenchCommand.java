package io.archforge.app.bench;

import io.archforge.app.cli.Verbosity;
import io.archforge.benchmarks.graph.GraphRegretBenchmark;
import io.archforge.benchmarks.graph.GraphRegretRow;
import io.archforge.benchmarks.tables.NasBenchGraphTable;
import io.archforge.space.Architecture;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archforge bench graph}: runs search strategies on the NAS-Bench-Graph tables,
 * each study maximising the validation accuracy, and writes {@code regret.csv} (every
 * trajectory), one regret chart per data set and {@code summary.md}: the regret of
 * validation accuracy and the test accuracy of the incumbent at several trial counts,
 * next to each table's optimum.
 */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = {
            "Compare search strategies on the NAS-Bench-Graph tables (Cora, CiteSeer, "
                + "PubMed). Each study maximises the validation accuracy; the summary also "
                + "reports the test accuracy of the best architecture found so far.",
            "Writes regret.csv, regret-DATASET.png (mean regret +- 1 standard error) and "
                + "summary.md into --output."})
public final class GraphBenchCommand implements Callable<Integer> {

    /** The maximum trials per study. */
    static final int MAX_TRIALS = 2000;
    /** The maximum seeds per strategy and data set. */
    static final int MAX_SEEDS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(GraphBenchCommand.class);
    private static final List<Integer> REPORTED_TRIALS = List.of(10, 25, 50, 100, 200, 500);

    @Spec
    CommandSpec spec;

    @Option(names = "--dataset", split = ",", paramLabel = "NAME",
            description = "Comma-separated data sets out of cora, citeseer, pubmed "
                    + "(default: all three).")
    List<String> datasets;

    @Option(names = "--strategies", split = ",", paramLabel = "NAME",
            description = "Comma-separated single-objective strategies (default: random, "
                    + "evolution, reinforce, local-search, tpe).")
    List<String> strategies;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "50",
            description = "Studies per strategy and data set, seeds 0..N-1 "
                    + "(default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "200",
            description = "Trials per study (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Studies run at once (default: ${DEFAULT-VALUE}); the results do "
                    + "not depend on it.")
    int threads;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "bench-graph",
            description = "Output directory, created if missing (default: ${DEFAULT-VALUE}).")
    Path output;

    @Override
    public Integer call() throws IOException {
        BenchInputs inputs = new BenchInputs(spec);
        List<String> chosenDatasets = datasets(inputs);
        List<String> chosenStrategies = strategies != null ? strategies
                : List.of("random", "evolution", "reinforce", "local-search", "tpe");
        inputs.requireStrategies("--strategies", chosenStrategies);
        inputs.requireDistinct("--strategies", chosenStrategies);
        inputs.requireRange("--seeds", seeds, MAX_SEEDS);
        inputs.requireRange("--trials", trials, MAX_TRIALS);
        inputs.requireRange("--threads", threads, Runtime.getRuntime().availableProcessors());
        inputs.prepareOutput("--output", output);
        Verbosity.quietStudyLog(true);

        long start = System.nanoTime();
        GraphRegretBenchmark benchmark = new GraphRegretBenchmark(chosenDatasets);
        List<GraphRegretRow> rows = benchmark.run(chosenStrategies, seeds, trials, threads);
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("Ran {} studies in {} s", chosenStrategies.size() * chosenDatasets.size() * seeds,
                Math.round(seconds));

        GraphRegretReport report = new GraphRegretReport(rows, chosenStrategies, chosenDatasets);
        report.writeCsv(output);
        report.writeCharts(output, seeds, trials);
        String summary = summary(benchmark, report, chosenDatasets, chosenStrategies, seconds);
        Files.writeString(output.resolve("summary.md"), summary, StandardCharsets.UTF_8);

        PrintWriter writer = spec.commandLine().getOut();
        writer.print(summary);
        writer.println();
        writer.println("Wrote regret.csv, summary.md and " + chosenDatasets.size()
                + " chart(s) to " + output.toAbsolutePath());
        writer.flush();
        return 0;
    }

    private List<String> datasets(BenchInputs inputs) {
        List<String> chosen = datasets != null ? datasets : NasBenchGraphTable.DATASETS;
        for (String dataset : chosen) {
            if (!NasBenchGraphTable.DATASETS.contains(dataset)) {
                throw inputs.usage("unknown --dataset '" + dataset + "': use "
                        + String.join(", ", NasBenchGraphTable.DATASETS));
            }
        }
        inputs.requireDistinct("--dataset", chosen);
        return chosen;
    }

    private String summary(GraphRegretBenchmark benchmark, GraphRegretReport report,
            List<String> chosenDatasets, List<String> chosenStrategies, double seconds) {
        List<Integer> counts = new ArrayList<>();
        for (int count : REPORTED_TRIALS) {
            if (count < trials) {
                counts.add(count);
            }
        }
        counts.add(trials);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "NAS-Bench-Graph: %d strategies x %d data sets x %d seeds, %d trials each,"
                        + " in %.1f s.%n%n", chosenStrategies.size(), chosenDatasets.size(),
                seeds, trials, seconds));
        text.append("Table optima (percent):\n\n| dataset | best valid | its test |"
                + " max test |\n|---|---|---|---|\n");
        for (String dataset : chosenDatasets) {
            NasBenchGraphTable table = benchmark.table(dataset);
            Architecture best = table.architectures().stream()
                    .max(Comparator.comparingDouble(table::value)).orElseThrow();
            double maxTest = table.architectures().stream()
                    .mapToDouble(table::testAccuracy).max().orElseThrow();
            text.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", dataset,
                    100 * table.value(best), 100 * table.testAccuracy(best), 100 * maxTest));
        }
        text.append('\n').append(report.tables(counts));
        return text.toString();
    }
}
