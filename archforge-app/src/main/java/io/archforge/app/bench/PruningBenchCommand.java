package io.archforge.app.bench;

import io.archforge.app.cli.UsageException;
import io.archforge.app.cli.Verbosity;
import io.archforge.app.setup.PredictorCatalog;
import io.archforge.benchmarks.TableLoadMeasurement;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.pruning.PruningBenchmark;
import io.archforge.benchmarks.pruning.PruningSettings;
import io.archforge.predictor.PredictorFactory;
import io.archforge.predictor.prune.PruningOptions;
import io.archforge.space.CellSpace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * {@code archforge bench pruning}: runs each strategy without and with learned pruning on
 * the NAS-Bench-201 tables, one pair of studies per seed, and writes {@code pruning.csv}
 * (every trajectory), {@code skipped.csv} (every skipped candidate with its true test
 * accuracy), one regret chart per data set and {@code summary.md}.
 */
@Command(name = "pruning", mixinStandardHelpOptions = true,
        description = {
            "Compare search strategies with and without learned pruning on the "
                + "NAS-Bench-201 tables: each seed runs a strategy once as it is and once "
                + "skipping candidates whose predicted probability of beating the best so far "
                + "is below --risk, both for --trials evaluations on 200-epoch test accuracy.",
            "Writes pruning.csv, skipped.csv, pruning-DATASET.png (mean regret against "
                + "evaluations, +- 1 standard error) and summary.md into --output."})
public final class PruningBenchCommand implements Callable<Integer> {

    /** The maximum evaluations per study. */
    static final int MAX_TRIALS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(PruningBenchCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    TabularBenchOptions tabular;

    @Option(names = "--strategies", split = ",", paramLabel = "NAME",
            defaultValue = "evolution,local-search",
            description = "Comma-separated strategies (default: ${DEFAULT-VALUE}).")
    List<String> strategies;

    @Option(names = "--risk", paramLabel = "P", defaultValue = "0.05",
            description = "Risk level: a candidate whose predicted probability of beating the "
                    + "best so far is below P is skipped; between 0 and 1 "
                    + "(default: ${DEFAULT-VALUE}).")
    double risk;

    @Option(names = "--predictor", paramLabel = "NAME", defaultValue = "gp",
            description = "Predictor of the pruner, by a name that 'bench predictors "
                    + "--predictor' takes, such as gp or random-forest "
                    + "(default: ${DEFAULT-VALUE}).")
    String predictor;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "150",
            description = "Evaluations per study, at most " + MAX_TRIALS
                    + " (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--min-trials", paramLabel = "N", defaultValue = "20",
            description = "Complete trials before pruning starts (default: ${DEFAULT-VALUE}).")
    int minTrials;

    @Option(names = "--refit-every", paramLabel = "N", defaultValue = "5",
            description = "New complete trials between fits of the pruner's predictor "
                    + "(default: ${DEFAULT-VALUE}).")
    int refitEvery;

    @Option(names = "--max-skips", paramLabel = "N", defaultValue = "10",
            description = "Candidates skipped in a row before the most promising of them "
                    + "is evaluated (default: ${DEFAULT-VALUE}).")
    int maxSkips;

    @Option(names = "--first-seed", paramLabel = "N", defaultValue = "0",
            description = "First study seed, so settings can be chosen on other seeds than "
                    + "those reported (default: ${DEFAULT-VALUE}).")
    long firstSeed;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "bench-pruning",
            description = "Output directory, created if missing (default: ${DEFAULT-VALUE}).")
    Path output;

    @Override
    public Integer call() throws IOException {
        BenchInputs inputs = new BenchInputs(spec);
        PruningSettings settings = settings(inputs);
        inputs.prepareOutput("--output", output);
        Verbosity.quietStudyLog(true);
        TableLoadMeasurement load = TableLoadMeasurement.measure();
        long start = System.nanoTime();
        PruningBenchmark.Result result = new PruningBenchmark(load.table()).run(settings);
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.info("Ran {} studies in {} s", settings.studies(), Math.round(seconds));

        PruningFiles.write(result, settings, output);
        String summary = PruningReport.summary(result, settings, seconds);
        Files.writeString(output.resolve("summary.md"), summary, StandardCharsets.UTF_8);

        PrintWriter writer = spec.commandLine().getOut();
        writer.print(summary);
        writer.println();
        writer.println("Wrote pruning.csv, skipped.csv, summary.md and "
                + settings.datasets().size() + " chart(s) to " + output.toAbsolutePath());
        writer.flush();
        return 0;
    }

    private PruningSettings settings(BenchInputs inputs) {
        List<Nb201Dataset> datasets = tabular.datasets(inputs);
        inputs.requireStrategies("--strategies", strategies);
        int seeds = tabular.seeds(inputs);
        inputs.requireRange("--trials", trials, MAX_TRIALS);
        if (!(risk > 0 && risk < 1)) {
            throw inputs.usage("invalid --risk " + risk + ": the risk level must be between 0 "
                    + "and 1, both excluded, such as 0.05");
        }
        PredictorFactory factory;
        try {
            factory = PredictorCatalog.factory(predictor, Optional.empty());
        } catch (UsageException e) {
            throw inputs.usage("invalid --predictor: " + e.getMessage());
        }
        if (minTrials < 2) {
            throw inputs.usage("invalid --min-trials " + minTrials + ": pruning needs at least "
                    + "2 complete trials to fit its predictor");
        }
        inputs.requireRange("--refit-every", refitEvery, Integer.MAX_VALUE);
        inputs.requireRange("--max-skips", maxSkips, Integer.MAX_VALUE);
        if (firstSeed < 0) {
            throw inputs.usage("invalid --first-seed " + firstSeed + ": it must be 0 or more");
        }
        int needed = factory.create(CellSpace.nb201(), 0).minTrainingSize();
        if (needed > minTrials) {
            throw inputs.usage("invalid --min-trials " + minTrials + ": predictor '" + predictor
                    + "' needs " + needed + " training architectures; set --min-trials "
                    + needed + " or more");
        }
        return new PruningSettings(strategies, datasets, seeds, firstSeed, trials,
                tabular.threads(inputs), risk, predictor, factory,
                new PruningOptions(minTrials, refitEvery, maxSkips));
    }
}
