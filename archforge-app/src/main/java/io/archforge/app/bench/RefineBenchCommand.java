package io.archforge.app.bench;

import io.archforge.app.cli.Verbosity;
import io.archforge.benchmarks.TableLoadMeasurement;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.refine.RefinerSettings;
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
 * {@code archforge bench refine}: refines the space of a search on one NAS-Bench-201
 * data set and compares searches in the refined space with searches in the full space,
 * on the same data set and on others. Writes {@code summary.md} and {@code regret.csv}.
 */
@Command(name = "refine", mixinStandardHelpOptions = true,
        description = {
            "Refine the NAS-Bench-201 space from a source search per seed, then compare the "
                + "regret of searches in the refined and in the full space.",
            "Writes summary.md (the refinement of one seed, removals over seeds, regret "
                + "table) and regret.csv (every trajectory) into --output."})
public final class RefineBenchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(RefineBenchCommand.class);

    /** Trial counts at which the summary reports the regret. */
    private static final List<Integer> CHECKPOINTS = List.of(25, 50, 100, 200, 300);

    @Spec
    CommandSpec spec;

    @Mixin
    TabularBenchOptions tabular;

    @Option(names = "--source-dataset", paramLabel = "NAME", defaultValue = "cifar10",
            description = "Data set of the source search that is refined "
                    + "(default: ${DEFAULT-VALUE}).")
    String sourceDataset;

    @Option(names = "--source-trials", paramLabel = "N", defaultValue = "150",
            description = "Trials of each source search (default: ${DEFAULT-VALUE}).")
    int sourceTrials;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "300",
            description = "Trials of each search in the refined space; the full-space search "
                    + "runs --source-trials more (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "evolution",
            description = "Strategy of every search (default: ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--confidence", paramLabel = "C", defaultValue = "0.95",
            description = "Confidence of the refinement, in (0, 1) (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--top-fraction", paramLabel = "Q",
            defaultValue = "" + RefinerSettings.DEFAULT_TOP_FRACTION,
            description = "Share of the source trials that forms the top group, in (0, 1) "
                    + "(default: ${DEFAULT-VALUE}).")
    double topFraction;

    @Option(names = "--detail-seed", paramLabel = "S", defaultValue = "0",
            description = "Seed whose refinement the summary shows in full "
                    + "(default: ${DEFAULT-VALUE}).")
    long detailSeed;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "bench-refine",
            description = "Output directory, created if missing (default: ${DEFAULT-VALUE}).")
    Path output;

    @Override
    public Integer call() throws IOException {
        BenchInputs inputs = new BenchInputs(spec);
        RefineBenchmark.Settings settings = settings(inputs);
        inputs.prepareOutput("--output", output);
        Verbosity.quietStudyLog(true);
        TableLoadMeasurement load = TableLoadMeasurement.measure();
        long start = System.nanoTime();
        List<RefineBenchmark.SeedResult> results =
                new RefineBenchmark(load.table(), settings).run();
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("Ran {} seeds in {} s", settings.seeds(), Math.round(seconds));

        String summary = new RefineBenchReport(settings, results, CHECKPOINTS)
                .render(detailSeed, seconds);
        Files.writeString(output.resolve("summary.md"), summary, StandardCharsets.UTF_8);
        writeRegret(results, settings, output.resolve("regret.csv"));
        PrintWriter writer = spec.commandLine().getOut();
        writer.print(summary);
        writer.println();
        writer.println("Wrote summary.md and regret.csv to " + output.toAbsolutePath());
        writer.flush();
        return 0;
    }

    private RefineBenchmark.Settings settings(BenchInputs inputs) {
        List<Nb201Dataset> targets = tabular.datasets(inputs);
        Nb201Dataset source = inputs.datasets("--source-dataset", List.of(sourceDataset)).get(0);
        inputs.requireStrategies("--strategy", List.of(strategy));
        inputs.requireRange("--source-trials", sourceTrials, Integer.MAX_VALUE);
        inputs.requireRange("--trials", trials, Integer.MAX_VALUE);
        if (!(confidence > 0 && confidence < 1)) {
            throw inputs.usage("invalid --confidence " + confidence + ": it must lie strictly "
                    + "between 0 and 1, such as 0.95");
        }
        if (!(topFraction > 0 && topFraction < 1)) {
            throw inputs.usage("invalid --top-fraction " + topFraction + ": it must lie "
                    + "strictly between 0 and 1, such as 0.2");
        }
        // A short source search is refined from all its trials rather than rejected.
        RefinerSettings refiner = new RefinerSettings(confidence, topFraction,
                Math.min(RefinerSettings.DEFAULT_MIN_TRIALS, Math.max(2, sourceTrials)));
        if (detailSeed < 0 || detailSeed >= tabular.seeds(inputs)) {
            throw inputs.usage("invalid --detail-seed " + detailSeed + ": use a seed from 0 to "
                    + (tabular.seeds(inputs) - 1));
        }
        return new RefineBenchmark.Settings(strategy, source, targets, tabular.seeds(inputs),
                sourceTrials, trials, refiner, tabular.threads(inputs));
    }

    /** Writes one row per seed, data set, space and trial. */
    private static void writeRegret(List<RefineBenchmark.SeedResult> results,
            RefineBenchmark.Settings settings, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("seed,dataset,space,trial,regret\n");
        for (RefineBenchmark.SeedResult result : results) {
            for (Nb201Dataset target : settings.targets()) {
                append(csv, result.seed(), target, "full", result.full().get(target));
                append(csv, result.seed(), target, "refined", result.refined().get(target));
            }
        }
        Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    private static void append(StringBuilder csv, long seed, Nb201Dataset target, String space,
            double[] regret) {
        for (int t = 0; t < regret.length; t++) {
            csv.append(String.format(Locale.ROOT, "%d,%s,%s,%d,%.4f%n", seed, target.id(), space,
                    t + 1, regret[t]));
        }
    }
}
