package io.archforge.app.bench;

import io.archforge.app.cli.Verbosity;
import io.archforge.app.report.CostPlot;
import io.archforge.benchmarks.CostRow;
import io.archforge.benchmarks.CostStatistics;
import io.archforge.benchmarks.FidelityMethod;
import io.archforge.benchmarks.MultiFidelityBenchmark;
import io.archforge.benchmarks.RegretStatistics;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Table;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archforge bench schedulers}: runs search methods with and without
 * multi-fidelity schedulers on the NAS-Bench-201 tables until each study has spent a
 * budget of benchmark epochs, and writes {@code cost.csv} (every trial), one chart of
 * regret against epochs per data set and {@code summary.md}.
 */
@Command(name = "schedulers", mixinStandardHelpOptions = true,
        description = {
            "Compare search methods by the benchmark epochs they spend on NAS-Bench-201: a "
                + "short run costs 12 epochs, a full one 200, and a promoted cell pays both.",
            "A method is STRATEGY (full fidelity), SCHEDULER, or STRATEGY/SCHEDULER, such as "
                + "evolution, hyperband, bohb or evolution/asha.",
            "Writes cost.csv, cost-DATASET.png and summary.md into --output."})
public final class SchedulersBenchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulersBenchCommand.class);

    /** Points of the cost grid for the charts. */
    private static final int GRID_POINTS = 60;

    @Spec
    CommandSpec spec;

    @Mixin
    TabularBenchOptions tabular;

    @Option(names = "--methods", split = ",", paramLabel = "METHOD",
            defaultValue = "evolution,hyperband,bohb,evolution/hyperband,evolution/asha",
            description = "Comma-separated methods (default: ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(names = "--budget-epochs", paramLabel = "EPOCHS", defaultValue = "20000",
            description = "Benchmark epochs each study may spend; 20,000 is 100 full runs "
                    + "(default: ${DEFAULT-VALUE}).")
    double budgetEpochs;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "bench-schedulers",
            description = "Output directory, created if missing (default: ${DEFAULT-VALUE}).")
    Path output;

    @Override
    public Integer call() throws IOException {
        BenchInputs inputs = new BenchInputs(spec);
        MultiFidelityBenchmark.Settings settings = settings(inputs);
        inputs.prepareOutput("--output", output);
        Verbosity.quietStudyLog(true);
        Nb201Table table = Nb201Table.load();
        long start = System.nanoTime();
        List<CostRow> rows = new MultiFidelityBenchmark(table).run(settings);
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("Ran {} studies in {} s", settings.studies(), Math.round(seconds));

        writeCsv(rows, output.resolve("cost.csv"));
        List<Double> grid = grid(settings.budgetEpochs());
        for (Nb201Dataset dataset : settings.datasets()) {
            List<RegretStatistics.Curve> curves = new ArrayList<>();
            for (FidelityMethod method : settings.methods()) {
                curves.add(CostStatistics.curve(rows, method.label(), dataset, settings.seeds(),
                        table.bestTestAccuracy(dataset), grid));
            }
            CostPlot.write(curves, grid, dataset, settings.seeds(),
                    output.resolve("cost-" + dataset.id() + ".png"));
        }
        String summary = summary(rows, settings, seconds);
        Files.writeString(output.resolve("summary.md"), summary, StandardCharsets.UTF_8);
        PrintWriter writer = spec.commandLine().getOut();
        writer.print(summary);
        writer.println();
        writer.println("Wrote cost.csv, summary.md and " + settings.datasets().size()
                + " chart(s) to " + output.toAbsolutePath());
        writer.flush();
        return 0;
    }

    private MultiFidelityBenchmark.Settings settings(BenchInputs inputs) {
        List<Nb201Dataset> parsed = tabular.datasets(inputs);
        if (methods == null || methods.stream().allMatch(String::isBlank)) {
            throw inputs.usage("invalid --methods: name at least one method, such as evolution,hyperband");
        }
        inputs.requireDistinct("--methods", methods);
        List<FidelityMethod> chosen = new ArrayList<>();
        for (String name : methods) {
            try {
                chosen.add(FidelityMethod.parse(name));
            } catch (IllegalArgumentException e) {
                throw inputs.usage("invalid --methods: " + e.getMessage());
            }
        }
        int seeds = tabular.seeds(inputs);
        if (!(budgetEpochs >= 200)) {
            throw inputs.usage("invalid --budget-epochs " + budgetEpochs
                    + ": give at least 200, the cost of one full run");
        }
        int threadCount = tabular.threads(inputs);
        return new MultiFidelityBenchmark.Settings(chosen, parsed, seeds, budgetEpochs, threadCount);
    }

    /** Cost points from 200 epochs to the budget, spaced evenly on a log scale. */
    private static List<Double> grid(double budget) {
        List<Double> grid = new ArrayList<>();
        double low = Math.log(200);
        double high = Math.log(budget);
        for (int i = 0; i < GRID_POINTS; i++) {
            grid.add(Math.exp(low + (high - low) * i / (GRID_POINTS - 1)));
        }
        return grid;
    }

    private static void writeCsv(List<CostRow> rows, Path csv) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("method,dataset,seed,trial,epochs,best_test_accuracy,regret,found_optimum\n");
            for (CostRow row : rows) {
                out.write(String.format(Locale.ROOT, "%s,%s,%d,%d,%.0f,%s,%s,%b%n", row.method(),
                        row.dataset().id(), row.seed(), row.trial(), row.epochs(),
                        Double.isNaN(row.bestTest()) ? "" : Double.toString(row.bestTest()),
                        Double.isNaN(row.regret()) ? "" : Double.toString(row.regret()),
                        row.found()));
            }
        }
    }

    private static String summary(List<CostRow> rows, MultiFidelityBenchmark.Settings settings,
            double seconds) {
        double budget = settings.budgetEpochs();
        List<Double> checkpoints = List.of(budget / 8, budget / 4, budget / 2, budget);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "Each study maximises test_accuracy until it has spent %.0f benchmark epochs; "
                        + "%d studies in %.1f s.%n%n", budget, settings.studies(), seconds));
        text.append("Test accuracy of the best full-fidelity cell (%, mean +- std over seeds; "
                + "a seed without a full-fidelity result yet is left out, the count is shown):\n\n");
        text.append("| dataset | method | seeds |");
        checkpoints.forEach(c -> text.append(String.format(Locale.ROOT, " at %.0f epochs |", c)));
        text.append(" epochs to optimum | seeds without it | epochs to match the first method |\n"
                + "|---|---|---|");
        checkpoints.forEach(c -> text.append("---|"));
        text.append("---|---|---|\n");
        for (Nb201Dataset dataset : settings.datasets()) {
            String first = settings.methods().get(0).label();
            double target = mean(CostStatistics.bestAt(rows, first, dataset, settings.seeds(), budget));
            for (FidelityMethod method : settings.methods()) {
                text.append("| ").append(dataset.id()).append(" | ").append(method.label())
                        .append(" | ").append(settings.seeds()).append(" |");
                for (double checkpoint : checkpoints) {
                    double[] best = Arrays.stream(CostStatistics.bestAt(rows, method.label(), dataset,
                            settings.seeds(), checkpoint)).filter(v -> !Double.isNaN(v)).toArray();
                    if (best.length == 0) {
                        text.append(" - |");
                        continue;
                    }
                    RegretStatistics.Summary s = RegretStatistics.summarize(best);
                    String missing = best.length < settings.seeds()
                            ? String.format(Locale.ROOT, " (%d)", best.length) : "";
                    text.append(String.format(Locale.ROOT, " %.2f +- %.2f%s |", s.mean(), s.std(), missing));
                }
                double[] spent = CostStatistics.epochsToOptimum(rows, method.label(), dataset,
                        settings.seeds(), budget);
                RegretStatistics.Summary s = RegretStatistics.summarize(spent);
                long without = Arrays.stream(spent).filter(v -> v >= budget).count();
                double match = epochsToMean(rows, method.label(), dataset, settings.seeds(), budget, target);
                text.append(String.format(Locale.ROOT, " %.0f +- %.0f | %d%% | %s |%n", s.mean(), s.std(),
                        Math.round(100.0 * without / settings.seeds()),
                        Double.isNaN(match) ? "not within the budget" : String.format(Locale.ROOT, "%.0f", match)));
            }
        }
        text.append(String.format(Locale.ROOT, "%nEpochs to optimum: the epochs spent until an "
                + "optimal cell was evaluated at full fidelity; a seed without one counts as the "
                + "whole budget, so a method that never finds one shows the budget +- 0.%n"));
        text.append(String.format(Locale.ROOT, "%nThe last column is the fewest epochs, in steps of %d, "
                + "after which the method's mean over seeds reaches the first method's mean at the "
                + "full budget; every seed must have a full-fidelity result by then.%n", MATCH_STEP));
        return text.toString();
    }

    /** Epoch steps at which the mean is checked against the first method's final mean. */
    private static final int MATCH_STEP = 100;

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    /**
     * Returns the fewest epochs, in steps of {@value #MATCH_STEP}, after which the mean best
     * accuracy over all seeds reaches {@code target}, or NaN when it never does.
     */
    private static double epochsToMean(List<CostRow> rows, String method, Nb201Dataset dataset,
            int seeds, double budget, double target) {
        for (double epochs = MATCH_STEP; epochs <= budget; epochs += MATCH_STEP) {
            double[] best = CostStatistics.bestAt(rows, method, dataset, seeds, epochs);
            if (Arrays.stream(best).noneMatch(Double::isNaN) && mean(best) >= target - 1e-9) {
                return epochs;
            }
        }
        return Double.NaN;
    }
}
