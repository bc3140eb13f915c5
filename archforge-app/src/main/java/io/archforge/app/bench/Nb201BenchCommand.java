package io.archforge.app.bench;

import io.archforge.app.cli.Verbosity;
import io.archforge.app.report.RegretSummary;
import io.archforge.benchmarks.RegretBenchmark;
import io.archforge.benchmarks.RegretSettings;
import io.archforge.benchmarks.SearchOverhead;
import io.archforge.benchmarks.TableLoadMeasurement;
import io.archforge.benchmarks.nb201.Nb201Dataset;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archforge bench nb201}: runs every strategy on every NAS-Bench-201 data set
 * for a number of seeds and writes {@code regret.csv}, one regret chart per data set
 * ({@code regret-DATASET.png}) and {@code summary.md} into the output directory, and
 * prints the summary.
 */
@Command(name = "nb201", mixinStandardHelpOptions = true,
        description = {
            "Compare search strategies by regret on the NAS-Bench-201 tables: each study "
                + "maximises 200-epoch test accuracy; regret is the table's best accuracy "
                + "minus the best found so far.",
            "Writes regret.csv, regret-DATASET.png (mean regret +- 1 standard error) and "
                + "summary.md into --out."})
public final class Nb201BenchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(Nb201BenchCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--strategies", split = ",", paramLabel = "NAME",
            defaultValue = "random,evolution",
            description = "Comma-separated strategies (default: ${DEFAULT-VALUE}).")
    List<String> strategies;

    @Option(names = "--datasets", split = ",", paramLabel = "NAME",
            defaultValue = "cifar10,cifar100,imagenet16-120",
            description = "Comma-separated data sets (default: ${DEFAULT-VALUE}).")
    List<String> datasets;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "100",
            description = "Seeds per strategy and data set, 0 to N-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "150",
            description = "Trials per study (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--threads", paramLabel = "N",
            description = "Studies run at once (default: the number of available processors).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-nb201",
            description = "Output directory, created if missing (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException {
        BenchInputs inputs = new BenchInputs(spec);
        RegretSettings settings = settings(inputs);
        inputs.prepareOutput("--out", out);
        Verbosity.quietStudyLog(true);
        TableLoadMeasurement load = TableLoadMeasurement.measure();
        LOG.info("Loaded the NAS-Bench-201 tables in {} ms", Math.round(load.millis()));
        RegretBenchmark.Result result = new RegretBenchmark(load.table()).run(settings);

        // Files: rows, one chart per data set, the summary.
        RegretFiles.write(result, settings, out);
        String summary = RegretSummary.render(result.rows(), settings) + "\n"
                + overheadText(result.overheads(), load);
        Files.writeString(out.resolve("summary.md"), summary, StandardCharsets.UTF_8);

        PrintWriter writer = spec.commandLine().getOut();
        writer.print(summary);
        writer.println();
        writer.println("Wrote regret.csv, summary.md and " + settings.datasets().size()
                + " chart(s) to " + out.toAbsolutePath());
        writer.flush();
        return 0;
    }

    private RegretSettings settings(BenchInputs inputs) {
        List<Nb201Dataset> parsed = inputs.datasets("--datasets", datasets);
        inputs.requireStrategies("--strategies", strategies);
        inputs.requireRange("--seeds", seeds, Integer.MAX_VALUE);
        inputs.requireRange("--trials", trials, Integer.MAX_VALUE);
        if (threads != null) {
            inputs.requireRange("--threads", threads, Integer.MAX_VALUE);
        }
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        return new RegretSettings(strategies, parsed, seeds, trials, threadCount);
    }

    static String overheadText(List<SearchOverhead> overheads,
            TableLoadMeasurement load) {
        StringBuilder text = new StringBuilder(
                "Search overhead per trial (ask + tell without the table look-up, "
                + "in-memory store):\n\n");
        text.append("| strategy | trials | mean (us) | max (us) | studies at once |\n");
        text.append("|---|---|---|---|---|\n");
        for (SearchOverhead overhead : overheads) {
            text.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %d |%n",
                    overhead.strategy(), overhead.trials(), overhead.meanMicros(),
                    overhead.maxMicros(), overhead.threads()));
        }
        text.append(String.format(Locale.ROOT,
                "%nTable load: %.0f ms, about %.1f MiB of heap retained.%n",
                load.millis(), load.retainedBytes() / (1024.0 * 1024.0)));
        return text.toString();
    }
}
