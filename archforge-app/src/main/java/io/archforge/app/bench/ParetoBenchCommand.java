package io.archforge.app.bench;

import io.archforge.app.cli.OutputOptions;
import io.archforge.app.cli.Verbosity;
import io.archforge.app.output.Json;
import io.archforge.app.output.TextTable;
import io.archforge.app.report.ParetoFrontPlot;
import io.archforge.app.report.ParetoIgdPlot;
import io.archforge.app.report.ParetoTables;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.benchmarks.pareto.FrontPoint;
import io.archforge.benchmarks.pareto.ParetoBenchmark;
import io.archforge.benchmarks.pareto.ParetoSettings;
import io.archforge.benchmarks.pareto.ParetoSummary;
import io.archforge.benchmarks.pareto.Spread;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archforge bench pareto}: runs multi-objective strategies on NAS-Bench-201 with
 * test accuracy maximised and FLOPs minimised, and measures each study's Pareto set
 * against the exact front of the whole table by IGD, IGD+ and hypervolume ratio.
 * It prints the median, mean and interquartile range over seeds after the last trial,
 * and with {@code --output} writes every row, the fronts, a Markdown summary and charts.
 */
@Command(name = "pareto", mixinStandardHelpOptions = true,
        description = {
            "Measure how well multi-objective strategies recover the true Pareto front of "
                + "NAS-Bench-201 (test accuracy against FLOPs): IGD, IGD+ and hypervolume "
                + "ratio, in objectives scaled to the true front.",
            "--output writes rows.csv, fronts.csv, summary.md, front-DATASET.png and "
                + "igd-DATASET.png."})
public final class ParetoBenchCommand implements Callable<Integer> {

    /** The maximum trials per study. */
    static final int MAX_TRIALS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(ParetoBenchCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions outputOptions;

    @Option(names = "--dataset", split = ",", paramLabel = "NAME", defaultValue = "all",
            description = "Data sets, comma-separated, out of cifar10, cifar100, "
                    + "imagenet16-120, or all (default: ${DEFAULT-VALUE}).")
    List<String> datasets;

    @Option(names = "--strategy", split = ",", paramLabel = "NAME",
            defaultValue = "nsga2,mo-evolution,mo-bo,random",
            description = "Strategies, comma-separated, out of nsga2, mo-evolution, mo-bo, "
                    + "evolution, random (default: ${DEFAULT-VALUE}).")
    List<String> strategies;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "300",
            description = "Trials per study, at most " + MAX_TRIALS
                    + " (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "50",
            description = "Seeds per strategy and data set, 0 to N-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--threads", paramLabel = "N",
            description = "Studies run at once (default: the number of available processors).")
    Integer threads;

    @Option(names = "--output", paramLabel = "DIR",
            description = "Directory for rows.csv, fronts.csv, summary.md and the charts, "
                    + "created if missing (default: none).")
    Path output;

    @Override
    public Integer call() throws IOException {
        BenchInputs inputs = new BenchInputs(spec);
        ParetoSettings settings = settings(inputs);
        if (output != null) {
            inputs.prepareOutput("--output", output);
        }
        Verbosity.quietStudyLog(true);
        long start = System.nanoTime();
        ParetoBenchmark.Result result = new ParetoBenchmark(Nb201Table.load()).run(settings);
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("Ran {} studies in {} s", settings.studies(), Math.round(seconds));

        if (output != null) {
            write(result, settings, seconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (outputOptions.json()) {
            out.println(Json.write(json(result, settings, seconds)));
        } else {
            out.print(text(result, settings));
            out.printf(Locale.ROOT, "%d studies of %d trials in %.1f s.%n", settings.studies(),
                    settings.trials(), seconds);
            if (output != null) {
                out.println("Wrote rows.csv, fronts.csv, summary.md and charts to "
                        + output.toAbsolutePath());
            }
        }
        out.flush();
        return 0;
    }

    private ParetoSettings settings(BenchInputs inputs) {
        if (datasets.contains("all") && datasets.size() > 1) {
            throw inputs.usage("invalid --dataset " + String.join(",", datasets)
                    + ": give all alone or name the data sets");
        }
        List<Nb201Dataset> chosen = datasets.equals(List.of("all"))
                ? Arrays.asList(Nb201Dataset.values())
                : inputs.datasets("--dataset", datasets);
        for (String strategy : strategies) {
            if (!ParetoBenchmark.STRATEGIES.contains(strategy)) {
                throw inputs.usage("invalid --strategy: unknown multi-objective strategy '"
                        + strategy + "'; valid strategies: "
                        + String.join(", ", ParetoBenchmark.STRATEGIES));
            }
        }
        inputs.requireDistinct("--strategy", strategies);
        inputs.requireRange("--trials", trials, MAX_TRIALS);
        inputs.requireRange("--seeds", seeds, Integer.MAX_VALUE);
        int threadCount = Runtime.getRuntime().availableProcessors();
        if (threads != null) {
            inputs.requireRange("--threads", threads, Integer.MAX_VALUE);
            threadCount = threads;
        }
        return new ParetoSettings(chosen, strategies, seeds, trials, threadCount);
    }

    private void write(ParetoBenchmark.Result result, ParetoSettings settings, double seconds)
            throws IOException {
        ParetoTables.writeRows(result, output.resolve("rows.csv"));
        ParetoTables.writeFronts(result, settings, output.resolve("fronts.csv"));
        String summary = String.format(Locale.ROOT, "Command: `%s`; %d studies of %d trials "
                        + "on %d threads in %.1f s.%n%n", commandLine(), settings.studies(),
                settings.trials(), settings.threads(), seconds)
                + ParetoTables.markdown(result, settings);
        Files.writeString(output.resolve("summary.md"), summary, StandardCharsets.UTF_8);
        for (Nb201Dataset dataset : settings.datasets()) {
            Map<String, List<FrontPoint>> medianFronts = new LinkedHashMap<>();
            Map<String, List<ParetoSummary>> curves = new LinkedHashMap<>();
            for (String strategy : settings.strategies()) {
                medianFronts.put(strategy, result.medianRun(dataset, strategy).front());
                curves.put(strategy, curve(result.summaries(), dataset, strategy));
            }
            ParetoFrontPlot.write(result.fronts().get(dataset), medianFronts,
                    "NAS-Bench-201 " + dataset.id() + ": true front and the median run of "
                            + settings.seeds() + " after " + settings.trials() + " trials",
                    output.resolve("front-" + dataset.id() + ".png"));
            ParetoIgdPlot.write(curves, "NAS-Bench-201 " + dataset.id() + ": median IGD over "
                            + settings.seeds() + " seeds (band: interquartile range)",
                    output.resolve("igd-" + dataset.id() + ".png"));
        }
    }

    private static List<ParetoSummary> curve(List<ParetoSummary> summaries,
            Nb201Dataset dataset, String strategy) {
        return summaries.stream()
                .filter(s -> s.dataset() == dataset && s.strategy().equals(strategy))
                .toList();
    }

    private String commandLine() {
        return "archforge " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    private static String text(ParetoBenchmark.Result result, ParetoSettings settings) {
        TextTable table = new TextTable(List.of("dataset", "strategy", "#seeds", "#trials",
                "#igd_median", "#igd_iqr", "#igd+_median", "#igd+_iqr", "#hv_ratio_median",
                "#hv_ratio_iqr"));
        for (ParetoSummary s : finalSummaries(result, settings)) {
            table.add(List.of(s.dataset().id(), s.strategy(), Integer.toString(s.runs()),
                    Integer.toString(s.trials()), format(s.igd().median()), format(s.igd().iqr()),
                    format(s.igdPlus().median()), format(s.igdPlus().iqr()),
                    format(s.hypervolumeRatio().median()), format(s.hypervolumeRatio().iqr())));
        }
        return table.render();
    }

    /**
     * Returns the JSON output: the settings, then data set to strategy to measures at the
     * last trial.
     */
    private static Map<String, Object> json(ParetoBenchmark.Result result,
            ParetoSettings settings, double seconds) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("trials", settings.trials());
        root.put("seeds", settings.seeds());
        root.put("seconds", seconds);
        Map<String, Object> byDataset = new LinkedHashMap<>();
        for (ParetoSummary s : finalSummaries(result, settings)) {
            Map<String, Object> measures = new LinkedHashMap<>();
            measures.put("igd", spreadJson(s.igd()));
            measures.put("igd_plus", spreadJson(s.igdPlus()));
            measures.put("hypervolume_ratio", spreadJson(s.hypervolumeRatio()));
            @SuppressWarnings("unchecked")
            Map<String, Object> byStrategy = (Map<String, Object>) byDataset.computeIfAbsent(
                    s.dataset().id(), k -> new LinkedHashMap<String, Object>());
            byStrategy.put(s.strategy(), measures);
        }
        root.put("results", byDataset);
        return root;
    }

    private static List<ParetoSummary> finalSummaries(ParetoBenchmark.Result result,
            ParetoSettings settings) {
        List<ParetoSummary> last = new ArrayList<>();
        for (ParetoSummary summary : result.summaries()) {
            if (summary.trials() == settings.trials()) {
                last.add(summary);
            }
        }
        return last;
    }

    private static Map<String, Object> spreadJson(Spread spread) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("median", spread.median());
        json.put("mean", spread.mean());
        json.put("iqr", spread.iqr());
        return json;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
