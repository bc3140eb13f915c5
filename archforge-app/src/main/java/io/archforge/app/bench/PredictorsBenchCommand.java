package io.archforge.app.bench;

import io.archforge.app.cli.OutputOptions;
import io.archforge.app.cli.UsageException;
import io.archforge.app.output.Json;
import io.archforge.app.output.TextTable;
import io.archforge.app.report.PredictorPlot;
import io.archforge.app.setup.PredictorCatalog;
import io.archforge.benchmarks.predictors.PredictorBenchmark;
import io.archforge.benchmarks.predictors.PredictorCandidate;
import io.archforge.benchmarks.predictors.PredictorRun;
import io.archforge.benchmarks.predictors.PredictorSummary;
import io.archforge.benchmarks.tables.ArchitectureTable;
import io.archforge.benchmarks.tables.ArchitectureTables;
import io.archforge.predictor.EnsemblePredictor;
import io.archforge.predictor.PredictorFactory;
import io.archforge.proxy.ProxyScorer;
import java.io.IOException;
import java.io.PrintWriter;
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
 * {@code archforge bench predictors}: fits performance predictors on training sets of
 * growing size drawn from a benchmark table and scores their predictions on a fixed
 * held-out set, following White et al. (NeurIPS 2021). It prints Kendall tau,
 * Spearman rho, the precision of the predicted top 10%, the coverage of the 68% and
 * 95% intervals and the fit and query times, and with {@code --output} writes them as
 * CSV, Markdown and one plot per table.
 */
@Command(name = "predictors", mixinStandardHelpOptions = true,
        description = {
            "Score performance predictors on a benchmark table: fit on N architectures, "
                + "rank a fixed held-out set.",
            "Prints Kendall tau, Spearman rho, top-10%% precision, interval coverage and "
                + "timings; --output also writes runs.csv, summary.md and plots."})
public final class PredictorsBenchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(PredictorsBenchCommand.class);

    /** Proxy scores the ensemble reads beside its members, when a table records them. */
    static final List<String> ENSEMBLE_PROXIES = List.of("synflow", "jacov", "nwot", "snip",
            "zen", "params", "flops");

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--benchmark", paramLabel = "NAME", defaultValue = "nb201",
            description = "Table: nb201, nb301, nb101, transnas101 or nasbench-graph "
                    + "(default: ${DEFAULT-VALUE}).")
    String benchmark;

    @Option(names = "--dataset", paramLabel = "NAME", split = ",",
            description = "Data sets or tasks of the benchmark, comma-separated, or all "
                    + "(default: the benchmark's first).")
    List<String> datasets;

    @Option(names = "--predictor", paramLabel = "NAME", split = ",",
            description = "Predictors, comma-separated (default: all).")
    List<String> predictors;

    @Option(names = "--encoding", paramLabel = "NAME",
            description = "Encoding of the vector predictors: one_hot, path, adjacency or lm "
                    + "(default: each predictor's own).")
    String encoding;

    @Option(names = "--train-size", paramLabel = "N", split = ",",
            description = "Training-set sizes, comma-separated "
                    + "(default: 5,8,14,24,42,71,100,121,205).")
    List<Integer> trainSizes;

    @Option(names = "--test-size", paramLabel = "M", defaultValue = "200",
            description = "Held-out architectures (default: ${DEFAULT-VALUE}).")
    int testSize;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "First seed of the training samples and fits (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seeds", paramLabel = "K", defaultValue = "1",
            description = "Seeds per predictor and size: S to S+K-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Runs at the same time; timings are measured under that load "
                    + "(default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--output", paramLabel = "DIR",
            description = "Directory for runs.csv, summary.csv, summary.md and plots "
                    + "(default: none).")
    Path outputDirectory;

    @Override
    public Integer call() throws IOException, InterruptedException {
        BenchInputs inputs = new BenchInputs(spec);
        List<ArchitectureTable> tables = tables(inputs);
        List<String> names = predictors == null ? PredictorCatalog.names() : predictors;
        inputs.requireDistinct("--predictor", names);
        List<Integer> sizes = trainSizes == null ? PredictorBenchmark.TRAIN_SIZES : trainSizes;
        inputs.requireDistinct("--train-size", sizes.stream().map(String::valueOf).toList());
        inputs.requireRange("--seeds", seeds, 100_000);
        inputs.requireRange("--threads", threads, 256);
        if (outputDirectory != null) {
            inputs.prepareOutput("--output", outputDirectory);
        }

        List<Callable<PredictorRun>> tasks = new ArrayList<>();
        for (ArchitectureTable table : tables) {
            PredictorBenchmark bench = benchmark(inputs, table);
            for (String name : names) {
                PredictorCandidate candidate = candidate(inputs, name, table);
                List<Integer> fitting = fittingSizes(table, bench, sizes);
                checkSizes(inputs, candidate, table, bench, fitting);
                for (int size : fitting) {
                    for (int k = 0; k < seeds; k++) {
                        long runSeed = seed + k;
                        tasks.add(() -> logged(bench.run(candidate, size, runSeed)));
                    }
                }
            }
        }
        List<PredictorRun> runs = runAll(tasks);
        List<PredictorSummary> summaries = PredictorSummary.of(runs);
        if (outputDirectory != null) {
            write(runs, summaries);
        }
        print(runs, summaries);
        return 0;
    }

    private List<ArchitectureTable> tables(BenchInputs inputs) {
        if (!ArchitectureTables.benchmarks().contains(benchmark)) {
            throw inputs.usage("invalid --benchmark '" + benchmark + "': valid benchmarks are "
                    + String.join(", ", ArchitectureTables.benchmarks()));
        }
        List<String> valid = ArchitectureTables.datasets(benchmark);
        List<String> chosen = datasets == null ? List.of(valid.get(0))
                : datasets.equals(List.of("all")) ? valid : datasets;
        inputs.requireDistinct("--dataset", chosen);
        List<ArchitectureTable> tables = new ArrayList<>();
        for (String dataset : chosen) {
            if (!valid.contains(dataset)) {
                throw inputs.usage("invalid --dataset '" + dataset + "' for " + benchmark
                        + ": valid data sets are " + String.join(", ", valid) + ", or all");
            }
            tables.add(ArchitectureTables.load(benchmark, dataset));
        }
        return tables;
    }

    private PredictorBenchmark benchmark(BenchInputs inputs, ArchitectureTable table) {
        try {
            return new PredictorBenchmark(table, testSize);
        } catch (IllegalArgumentException e) {
            throw inputs.usage("invalid --test-size: " + e.getMessage());
        }
    }

    private PredictorCandidate candidate(BenchInputs inputs, String name, ArchitectureTable table) {
        try {
            Optional<String> chosen = Optional.ofNullable(encoding);
            if (encoding != null && !PredictorCatalog.readsEncoding(name)) {
                LOG.info("Predictor '{}' reads its own input and ignores --encoding {}", name,
                        encoding);
            }
            PredictorFactory factory = name.equals(EnsemblePredictor.NAME)
                    ? PredictorCatalog.ensemble(ensembleFeatures(table))
                    : PredictorCatalog.factory(name, chosen);
            return new PredictorCandidate(name, PredictorCatalog.encodingName(name, chosen),
                    factory);
        } catch (UsageException e) {
            throw inputs.usage("invalid --predictor or --encoding: " + e.getMessage());
        }
    }

    /** Returns the table's preferred proxy scores, then its learning-curve feature. */
    static List<ProxyScorer> ensembleFeatures(ArchitectureTable table) {
        List<ProxyScorer> features = new ArrayList<>();
        for (String proxy : ENSEMBLE_PROXIES) {
            ProxyScorer scorer = table.proxies().get(proxy);
            if (scorer != null) {
                features.add(scorer);
            }
        }
        table.learningCurve().ifPresent(features::add);
        return features;
    }

    /**
     * Returns the sizes to run on {@code table}: all of them when the user chose them,
     * else the default sizes the table has room for, with a log line for any dropped.
     */
    private List<Integer> fittingSizes(ArchitectureTable table, PredictorBenchmark bench,
            List<Integer> sizes) {
        if (trainSizes != null) {
            return sizes;
        }
        List<Integer> fitting = sizes.stream().filter(n -> n <= bench.maxTrainSize()).toList();
        if (fitting.size() < sizes.size()) {
            LOG.info("{} {} has {} architectures outside the held-out set; running train sizes {}",
                    table.benchmark(), table.dataset(), bench.maxTrainSize(), fitting);
        }
        return fitting;
    }

    private static void checkSizes(BenchInputs inputs, PredictorCandidate candidate,
            ArchitectureTable table, PredictorBenchmark bench, List<Integer> sizes) {
        int minimum = candidate.factory().create(table.space(), 0).minTrainingSize();
        for (int size : sizes) {
            if (size < minimum) {
                throw inputs.usage("invalid --train-size " + size + ": predictor '"
                        + candidate.name() + "' needs at least " + minimum
                        + " training architectures");
            }
            if (size > bench.maxTrainSize()) {
                throw inputs.usage("invalid --train-size " + size + ": " + table.benchmark()
                        + " " + table.dataset() + " has " + bench.maxTrainSize()
                        + " architectures outside the held-out set; lower --train-size or "
                        + "--test-size");
            }
        }
    }

    private static PredictorRun logged(PredictorRun run) {
        LOG.info("{} {} {} n={} seed={}: kendall {} spearman {} fit {} s",
                run.benchmark(), run.dataset(), run.predictor(), run.trainSize(), run.seed(),
                format(run.kendallTau()), format(run.spearmanRho()), format(run.fitSeconds()));
        return run;
    }

    private List<PredictorRun> runAll(List<Callable<PredictorRun>> tasks)
            throws InterruptedException {
        return BenchTasks.runAll(threads, tasks, "predictor run");
    }

    private void write(List<PredictorRun> runs, List<PredictorSummary> summaries)
            throws IOException {
        PredictorBenchFiles.writeRuns(runs, outputDirectory.resolve("runs.csv"));
        PredictorBenchFiles.writeSummaryCsv(summaries, outputDirectory.resolve("summary.csv"));
        PredictorBenchFiles.writeMarkdown(summaries, commandLine(), threads,
                outputDirectory.resolve("summary.md"));
        Map<String, List<PredictorSummary>> byTable = new LinkedHashMap<>();
        for (PredictorSummary summary : summaries) {
            byTable.computeIfAbsent(summary.benchmark() + "-" + summary.dataset(),
                    k -> new ArrayList<>()).add(summary);
        }
        for (Map.Entry<String, List<PredictorSummary>> table : byTable.entrySet()) {
            PredictorSummary first = table.getValue().get(0);
            String title = first.benchmark() + " " + first.dataset() + ": mean Kendall tau over "
                    + first.seeds() + " seeds (band: +- 1 s.e.)";
            PredictorPlot.write(table.getValue(), title,
                    outputDirectory.resolve("kendall-" + table.getKey() + ".png"));
        }
    }

    private String commandLine() {
        return "archforge " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    private void print(List<PredictorRun> runs, List<PredictorSummary> summaries) {
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(Json.write(json(runs, summaries)));
            out.flush();
            return;
        }
        TextTable table = new TextTable(List.of("benchmark", "dataset", "predictor", "encoding",
                "train", "seeds", "kendall_tau", "spearman_rho", "top10", "cov68", "cov95",
                "fit_s", "query_ms_per_arch"));
        for (PredictorSummary s : summaries) {
            table.add(List.of(s.benchmark(), s.dataset(), s.predictor(), s.encoding(),
                    Integer.toString(s.trainSize()), Integer.toString(s.seeds()),
                    format(s.kendallTau()), format(s.spearmanRho()), format(s.top10Precision()),
                    format(s.coverage68()), format(s.coverage95()), format(s.fitSeconds()),
                    format(1000 * s.querySeconds() / testSize)));
        }
        out.print(table.render());
        out.flush();
    }

    /**
     * Builds the JSON output: the settings, every run and the means over seeds. With a
     * single run, its measures also sit at the top level.
     */
    private Map<String, Object> json(List<PredictorRun> runs, List<PredictorSummary> summaries) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("benchmark", benchmark);
        root.put("target", runs.isEmpty() ? "" : runs.get(0).target());
        root.put("test_size", testSize);
        if (runs.size() == 1) {
            root.putAll(runJson(runs.get(0)));
        }
        root.put("runs", runs.stream().map(PredictorsBenchCommand::runJson).toList());
        root.put("summary", summaries.stream().map(PredictorsBenchCommand::summaryJson).toList());
        return root;
    }

    static Map<String, Object> runJson(PredictorRun run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dataset", run.dataset());
        json.put("predictor", run.predictor());
        json.put("encoding", run.encoding());
        json.put("train_size", run.trainSize());
        json.put("seed", run.seed());
        json.put("kendall_tau", run.kendallTau());
        json.put("spearman_rho", run.spearmanRho());
        json.put("top10_precision", run.top10Precision());
        json.put("coverage_68", run.coverage68());
        json.put("coverage_95", run.coverage95());
        json.put("fit_seconds", run.fitSeconds());
        json.put("query_seconds", run.querySeconds());
        return json;
    }

    private static Map<String, Object> summaryJson(PredictorSummary s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dataset", s.dataset());
        json.put("predictor", s.predictor());
        json.put("encoding", s.encoding());
        json.put("train_size", s.trainSize());
        json.put("seeds", s.seeds());
        json.put("kendall_tau", s.kendallTau());
        json.put("kendall_tau_std_error", s.kendallTauStdError());
        json.put("spearman_rho", s.spearmanRho());
        json.put("top10_precision", s.top10Precision());
        json.put("coverage_68", s.coverage68());
        json.put("coverage_95", s.coverage95());
        json.put("fit_seconds", s.fitSeconds());
        json.put("query_seconds", s.querySeconds());
        return json;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
