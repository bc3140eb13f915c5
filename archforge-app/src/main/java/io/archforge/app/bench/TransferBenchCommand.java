package io.archforge.app.bench;

import io.archforge.app.cli.StrategyNames;
import io.archforge.app.cli.Verbosity;
import io.archforge.benchmarks.TableLoadMeasurement;
import io.archforge.benchmarks.transfer.TransferBenchmark;
import io.archforge.benchmarks.transfer.TransferPair;
import io.archforge.benchmarks.transfer.TransferRun;
import io.archforge.benchmarks.transfer.TransferSettings;
import io.archforge.benchmarks.transfer.TransferVariant;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archforge bench transfer}: warm starts between NAS-Bench-201 data sets, as
 * {@code --warm-start-from} does them, against cold starts and a misleading source.
 * Writes {@code runs.csv} (one row per target study) and {@code summary.md}.
 */
@Command(name = "transfer", mixinStandardHelpOptions = true,
        description = {
            "Warm-start searches on NAS-Bench-201 from finished studies of another data set "
                + "and count the trials needed to get within --tolerance points of the "
                + "target's best test accuracy: cold, warm, from a misleading source whose "
                + "table was shuffled across cells, and from both sources.",
            "Writes runs.csv and summary.md into --output."})
public final class TransferBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--pairs", split = ",", paramLabel = "SOURCE:TARGET",
            defaultValue = "cifar10:cifar100,cifar100:imagenet16-120",
            description = "Comma-separated source and target data sets "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> pairs;

    @Option(names = "--strategies", split = ",", paramLabel = "NAME",
            completionCandidates = StrategyNames.class, defaultValue = "evolution",
            description = "Comma-separated strategies of the target studies "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> strategies;

    @Option(names = "--variants", split = ",", paramLabel = "NAME",
            defaultValue = "cold,warm,misleading,both",
            description = "Comma-separated variants out of cold, warm, misleading and both "
                    + "(default: ${DEFAULT-VALUE}).")
    List<String> variants;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "100",
            description = "Seeds per pair, strategy and variant (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--source-trials", paramLabel = "N", defaultValue = "200",
            description = "Trials of each source study, run by evolution "
                    + "(default: ${DEFAULT-VALUE}).")
    int sourceTrials;

    @Option(names = "--max-trials", paramLabel = "N", defaultValue = "1000",
            description = "Maximum trials of a target study (default: ${DEFAULT-VALUE}).")
    int maxTrials;

    @Option(names = "--tolerance", paramLabel = "POINTS", defaultValue = "0.3",
            description = "Distance to the optimum that counts as reached, in accuracy "
                    + "points (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--threads", paramLabel = "N",
            description = "Studies run at once (default: the number of available processors).")
    Integer threads;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "bench-transfer",
            description = "Output directory, created if missing (default: ${DEFAULT-VALUE}).")
    Path output;

    @Override
    public Integer call() throws IOException {
        BenchInputs inputs = new BenchInputs(spec);
        TransferSettings settings = settings(inputs);
        inputs.prepareOutput("--output", output);
        Verbosity.quietStudyLog(true);
        long start = System.nanoTime();
        List<TransferRun> runs = new TransferBenchmark(TableLoadMeasurement.measure().table())
                .run(settings);
        double seconds = (System.nanoTime() - start) / 1e9;
        Files.writeString(output.resolve("runs.csv"), TransferReport.csv(runs),
                StandardCharsets.UTF_8);
        String summary = TransferReport.summary(runs, settings, seconds);
        Files.writeString(output.resolve("summary.md"), summary, StandardCharsets.UTF_8);
        PrintWriter out = spec.commandLine().getOut();
        out.print(summary);
        out.println();
        out.println("Wrote runs.csv and summary.md to " + output.toAbsolutePath());
        out.flush();
        return 0;
    }

    private TransferSettings settings(BenchInputs inputs) {
        List<TransferPair> parsedPairs = pairs(inputs);
        inputs.requireStrategies("--strategies", strategies);
        List<TransferVariant> parsedVariants = variants(inputs);
        inputs.requireRange("--seeds", seeds, Integer.MAX_VALUE);
        inputs.requireRange("--source-trials", sourceTrials, 100_000);
        inputs.requireRange("--max-trials", maxTrials, 15_625);
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw inputs.usage(String.format(Locale.ROOT, "invalid --tolerance %s: it must "
                    + "be a number of accuracy points, 0 or more, such as 0.3", tolerance));
        }
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        inputs.requireRange("--threads", threadCount, Integer.MAX_VALUE);
        return new TransferSettings(parsedPairs, strategies, parsedVariants, seeds,
                sourceTrials, maxTrials, tolerance, threadCount);
    }

    private List<TransferPair> pairs(BenchInputs inputs) {
        inputs.requireDistinct("--pairs", pairs);
        List<TransferPair> parsed = new ArrayList<>();
        for (String pair : pairs) {
            try {
                parsed.add(TransferPair.parse(pair));
            } catch (IllegalArgumentException e) {
                throw inputs.usage("invalid --pairs: " + e.getMessage());
            }
        }
        return parsed;
    }

    private List<TransferVariant> variants(BenchInputs inputs) {
        inputs.requireDistinct("--variants", variants);
        List<TransferVariant> parsed = new ArrayList<>();
        for (String variant : variants) {
            try {
                parsed.add(TransferVariant.parse(variant));
            } catch (IllegalArgumentException e) {
                throw inputs.usage("invalid --variants: " + e.getMessage());
            }
        }
        return parsed;
    }
}
