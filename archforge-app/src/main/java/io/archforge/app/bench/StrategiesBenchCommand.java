package io.archforge.app.bench;

import io.archforge.app.cli.StrategyNames;
import io.archforge.app.cli.Verbosity;
import io.archforge.app.report.RegretSummary;
import io.archforge.benchmarks.RegretBenchmark;
import io.archforge.benchmarks.RegretSettings;
import io.archforge.benchmarks.SearchOverhead;
import io.archforge.benchmarks.TableLoadMeasurement;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Protocol;
import io.archforge.strategy.Strategies;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code archforge bench strategies}: runs search strategies on the NAS-Bench-201 tables
 * under one search protocol and writes {@code regret.csv} (every trajectory), one regret
 * chart per data set and {@code summary.md}: the test accuracy of the best cell after
 * 50, 100, 150 and 300 trials, the trials until an optimal cell is evaluated, and the
 * search overhead per trial.
 */
@Command(name = "strategies", mixinStandardHelpOptions = true,
        description = {
            "Compare search strategies on the NAS-Bench-201 tables under a search protocol: "
                + "test searches on 200-epoch test accuracy, valid12 on 12-epoch validation "
                + "accuracy; both report the 200-epoch test accuracy of the chosen cell.",
            "Writes regret.csv, regret-DATASET.png (mean regret +- 1 standard error) and "
                + "summary.md into --output."})
public final class StrategiesBenchCommand implements Callable<Integer> {

    /** The maximum trials per study, which also caps the trials-to-optimum figure. */
    static final int MAX_TRIALS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(StrategiesBenchCommand.class);

    /** Trial counts at which the summary reports the test accuracy. */
    private static final List<Integer> ACCURACY_TRIALS = List.of(50, 100, 150, 300);

    @Spec
    CommandSpec spec;

    @Mixin
    TabularBenchOptions tabular;

    @Option(names = "--strategies", split = ",", paramLabel = "NAME",
            description = "Comma-separated strategies out of ${COMPLETION-CANDIDATES} "
                    + "(default: all); STRATEGY+USE:PROXY adds a zero-cost proxy, USE one of "
                    + "screen, warmup, surrogate, such as evolution+warmup:flops.",
            completionCandidates = StrategyNames.class)
    List<String> strategies;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "300",
            description = "Trials per study, at most " + MAX_TRIALS
                    + " (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--protocol", paramLabel = "test|valid12", defaultValue = "test",
            description = "Search signal: test (200-epoch test accuracy) or valid12 (12-epoch "
                    + "validation accuracy) (default: ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "bench-strategies",
            description = "Output directory, created if missing (default: ${DEFAULT-VALUE}).")
    Path output;

    @Override
    public Integer call() throws IOException {
        BenchInputs inputs = new BenchInputs(spec);
        RegretSettings settings = settings(inputs);
        inputs.prepareOutput("--output", output);
        Verbosity.quietStudyLog(true);
        TableLoadMeasurement load = TableLoadMeasurement.measure();
        long start = System.nanoTime();
        RegretBenchmark.Result result = new RegretBenchmark(load.table()).run(settings);
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("Ran {} studies in {} s", settings.studies(), Math.round(seconds));

        RegretFiles.write(result, settings, output);
        String summary = summary(result, settings, seconds);
        Files.writeString(output.resolve("summary.md"), summary, StandardCharsets.UTF_8);

        PrintWriter writer = spec.commandLine().getOut();
        writer.print(summary);
        writer.println();
        writer.println("Wrote regret.csv, summary.md and " + settings.datasets().size()
                + " chart(s) to " + output.toAbsolutePath());
        writer.flush();
        return 0;
    }

    private RegretSettings settings(BenchInputs inputs) {
        List<Nb201Dataset> parsed = tabular.datasets(inputs);
        List<String> chosen = strategies != null ? strategies : Strategies.names();
        inputs.requireStrategyVariants("--strategies", chosen);
        int seeds = tabular.seeds(inputs);
        inputs.requireRange("--trials", trials, MAX_TRIALS);
        Nb201Protocol searched;
        try {
            searched = Nb201Protocol.parse(protocol);
        } catch (IllegalArgumentException e) {
            throw inputs.usage("invalid --protocol: " + e.getMessage());
        }
        int threadCount = tabular.threads(inputs);
        return new RegretSettings(chosen, parsed, seeds, trials, threadCount, searched);
    }

    private static String summary(RegretBenchmark.Result result, RegretSettings settings,
            double seconds) {
        return String.format(Locale.ROOT, "Protocol %s: each study maximises %s; %d studies "
                        + "of %d trials in %.1f s.%n%n", settings.protocol(),
                settings.protocol().signal(), settings.studies(), settings.trials(), seconds)
                + RegretSummary.accuracyTable(result.rows(), settings, ACCURACY_TRIALS) + "\n"
                + RegretSummary.optimumTable(result.rows(), settings) + "\n"
                + overheadText(result.overheads());
    }

    private static String overheadText(List<SearchOverhead> overheads) {
        StringBuilder text = new StringBuilder("Search overhead per trial (ask + tell, "
                + "without the table look-up, in-memory store):\n\n");
        text.append("| strategy | trials | mean (ms) | max (ms) | studies at once |\n");
        text.append("|---|---|---|---|---|\n");
        for (SearchOverhead overhead : overheads) {
            text.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.1f | %d |%n",
                    overhead.strategy(), overhead.trials(), overhead.meanMillis(),
                    overhead.maxMicros() / 1e3, overhead.threads()));
        }
        return text.toString();
    }
}
