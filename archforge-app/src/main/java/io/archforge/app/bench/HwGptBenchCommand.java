package io.archforge.app.bench;

import io.archforge.app.cli.OutputOptions;
import io.archforge.app.cli.Verbosity;
import io.archforge.app.output.Json;
import io.archforge.app.output.TextTable;
import io.archforge.benchmarks.hwgpt.HwGptDevice;
import io.archforge.benchmarks.hwgpt.HwGptParetoBenchmark;
import io.archforge.benchmarks.hwgpt.HwGptSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archforge bench hwgpt}: runs multi-objective strategies on the GPT-S space of
 * HW-GPT-Bench with perplexity and the latency on one device minimised, one problem per
 * device, and measures each study's Pareto set against the true front of all measured
 * architectures by hypervolume ratio and IGD+. It prints the mean and standard deviation
 * over seeds after the last trial, and with {@code --output} writes every row, the curve
 * over trials, a Markdown summary and one chart per device.
 */
@Command(name = "hwgpt", mixinStandardHelpOptions = true,
        description = {
            "Measure how well multi-objective strategies recover the front of perplexity "
                + "against device latency on HW-GPT-Bench's GPT-S space: hypervolume ratio "
                + "and IGD+ against the front of all 10,000 measured architectures.",
            "--output writes rows.csv, curve.csv, summary.md and hv-DEVICE.png."})
public final class HwGptBenchCommand implements Callable<Integer> {

    /** The maximum trials per study. */
    static final int MAX_TRIALS = 2000;

    private static final Logger LOG = LoggerFactory.getLogger(HwGptBenchCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions outputOptions;

    @Option(names = "--device", split = ",", paramLabel = "NAME",
            defaultValue = "a100,rtx2080,cpu_xeon_gold",
            description = "Latency devices, comma-separated, one problem each "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> devices;

    @Option(names = "--strategy", split = ",", paramLabel = "NAME",
            defaultValue = "random,nsga2,mo-evolution,mo-bo",
            description = "Strategies, comma-separated (default: ${DEFAULT-VALUE}).")
    List<String> strategies;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "300",
            description = "Trials per study, at most " + MAX_TRIALS
                    + " (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "20",
            description = "Seeds per strategy and device, 0 to N-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--step", paramLabel = "N", defaultValue = "10",
            description = "Trials between two measurements of the curve "
                    + "(default: ${DEFAULT-VALUE}).")
    int step;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Studies run at once (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--output", paramLabel = "DIR",
            description = "Directory for rows.csv, curve.csv, summary.md and the charts, "
                    + "created if missing (default: none).")
    Path output;

    @Override
    public Integer call() throws IOException {
        BenchInputs inputs = new BenchInputs(spec);
        HwGptParetoBenchmark.Settings settings = settings(inputs);
        if (output != null) {
            inputs.prepareOutput("--output", output);
        }
        Verbosity.quietStudyLog(true);
        long start = System.nanoTime();
        HwGptParetoBenchmark.Result result = new HwGptParetoBenchmark().run(settings);
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("Ran {} studies in {} s", settings.studies(), Math.round(seconds));
        List<HwGptSummary> summaries = HwGptSummary.of(result.rows());
        if (output != null) {
            write(result, summaries, settings, seconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (outputOptions.json()) {
            out.println(Json.write(json(summaries, settings, seconds)));
        } else {
            out.print(text(summaries, settings));
            out.printf(Locale.ROOT, "%d studies of %d trials in %.1f s.%n", settings.studies(),
                    settings.trials(), seconds);
            if (output != null) {
                out.println("Wrote rows.csv, curve.csv, summary.md and charts to "
                        + output.toAbsolutePath());
            }
        }
        out.flush();
        return 0;
    }

    private HwGptParetoBenchmark.Settings settings(BenchInputs inputs) {
        List<HwGptDevice> chosen = new ArrayList<>();
        for (String name : devices) {
            Optional<HwGptDevice> device = HwGptDevice.find(name);
            if (device.isEmpty()) {
                throw inputs.usage("invalid --device: unknown HW-GPT-Bench device '" + name
                        + "'; valid devices: " + String.join(", ", HwGptDevice.names()));
            }
            chosen.add(device.get());
        }
        inputs.requireDistinct("--device", chosen.stream().map(HwGptDevice::name).toList());
        for (String strategy : strategies) {
            if (!HwGptParetoBenchmark.STRATEGIES.contains(strategy)) {
                throw inputs.usage("invalid --strategy: unknown strategy '" + strategy
                        + "'; valid strategies: "
                        + String.join(", ", HwGptParetoBenchmark.STRATEGIES));
            }
        }
        inputs.requireDistinct("--strategy", strategies);
        inputs.requireRange("--trials", trials, MAX_TRIALS);
        inputs.requireRange("--seeds", seeds, Integer.MAX_VALUE);
        inputs.requireRange("--step", step, trials);
        inputs.requireRange("--threads", threads, Integer.MAX_VALUE);
        return new HwGptParetoBenchmark.Settings(chosen, strategies, seeds, trials, step,
                threads);
    }

    private void write(HwGptParetoBenchmark.Result result, List<HwGptSummary> summaries,
            HwGptParetoBenchmark.Settings settings, double seconds) throws IOException {
        HwGptBenchReport.writeRows(result.rows(), output.resolve("rows.csv"));
        HwGptBenchReport.writeCurve(summaries, output.resolve("curve.csv"));
        StringBuilder summary = new StringBuilder(String.format(Locale.ROOT,
                "Command: `%s`; %d studies of %d trials on %d threads in %.1f s.%n%n",
                commandLine(), settings.studies(), settings.trials(), settings.threads(),
                seconds));
        for (HwGptDevice device : settings.devices()) {
            summary.append(String.format(Locale.ROOT, "True front on %s: %d points.%n",
                    device.name(), result.fronts().get(device.name()).points().size()));
        }
        summary.append('\n').append(HwGptBenchReport.markdown(summaries, settings.trials()));
        Files.writeString(output.resolve("summary.md"), summary, StandardCharsets.UTF_8);
        for (HwGptDevice device : settings.devices()) {
            HwGptBenchReport.writePlot(summaries, device.name(), settings.strategies(),
                    "GPT-S, perplexity against latency on " + device.name() + ": mean over "
                            + settings.seeds() + " seeds (band: +- 1 std)",
                    output.resolve("hv-" + device.name() + ".png"));
        }
    }

    private String commandLine() {
        return "archforge " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    private static String text(List<HwGptSummary> summaries,
            HwGptParetoBenchmark.Settings settings) {
        TextTable table = new TextTable(List.of("device", "strategy", "#seeds", "#trials",
                "#hv_ratio_mean", "#hv_ratio_std", "#hv_ratio_median", "#igd+_mean"));
        for (HwGptSummary s : summaries) {
            if (s.trials() == settings.trials()) {
                table.add(List.of(s.device(), s.strategy(), Integer.toString(s.runs()),
                        Integer.toString(s.trials()), format(s.hypervolumeRatio().mean()),
                        format(s.hypervolumeRatioStd()), format(s.hypervolumeRatio().median()),
                        format(s.igdPlus().mean())));
            }
        }
        return table.render();
    }

    private static Map<String, Object> json(List<HwGptSummary> summaries,
            HwGptParetoBenchmark.Settings settings, double seconds) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("trials", settings.trials());
        root.put("seeds", settings.seeds());
        root.put("seconds", seconds);
        Map<String, Object> byDevice = new LinkedHashMap<>();
        for (HwGptSummary s : summaries) {
            if (s.trials() != settings.trials()) {
                continue;
            }
            Map<String, Object> measures = new LinkedHashMap<>();
            measures.put("hypervolume_ratio_mean", s.hypervolumeRatio().mean());
            measures.put("hypervolume_ratio_std", s.hypervolumeRatioStd());
            measures.put("hypervolume_ratio_median", s.hypervolumeRatio().median());
            measures.put("igd_plus_mean", s.igdPlus().mean());
            @SuppressWarnings("unchecked")
            Map<String, Object> byStrategy = (Map<String, Object>) byDevice.computeIfAbsent(
                    s.device(), k -> new LinkedHashMap<String, Object>());
            byStrategy.put(s.strategy(), measures);
        }
        root.put("results", byDevice);
        return root;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
