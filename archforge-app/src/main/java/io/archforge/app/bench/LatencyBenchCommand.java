package io.archforge.app.bench;

import io.archforge.app.cli.OutputOptions;
import io.archforge.app.output.Json;
import io.archforge.app.output.TextTable;
import io.archforge.app.report.LatencyPlot;
import io.archforge.benchmarks.latency.DeviceLatencyTable;
import io.archforge.benchmarks.latency.LatencyBenchmark;
import io.archforge.benchmarks.latency.LatencyCandidate;
import io.archforge.benchmarks.latency.LatencyCandidates;
import io.archforge.benchmarks.latency.LatencyMethod;
import io.archforge.benchmarks.latency.LatencyRun;
import io.archforge.benchmarks.latency.LatencySummary;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.benchmarks.tables.FbnetLatencyTable;
import io.archforge.latency.ChoiceKernels;
import io.archforge.latency.LookupPredictor;
import io.archforge.latency.MacroKernels;
import io.archforge.latency.TransferLatencyPredictor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archforge bench latency}: fits latency predictors on N architectures measured on
 * one device and reports their error on a fixed held-out set: the mean absolute
 * percentage error and the share of architectures within 10%.
 *
 * <p>On the shipped tables ({@code nb201}, {@code fbnet}) the lookup method is a fitted
 * lookup table, estimated from the training networks by non-negative least squares,
 * because the devices' single operations cannot be timed here. On {@code local} the
 * command times random {@code macro} networks and their kernels on this machine with
 * DJL (batch 1, one thread) and the lookup table is measured.
 */
@Command(name = "latency", mixinStandardHelpOptions = true,
        description = {
            "Score latency predictors: fit on N architectures measured on a device, predict "
                + "a fixed held-out set.",
            "Prints MAPE and the share within 10%%; --output also writes runs.csv, "
                + "summary.csv, summary.md and a plot."})
public final class LatencyBenchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(LatencyBenchCommand.class);

    /** The benchmark names. */
    static final List<String> BENCHMARKS = List.of(DeviceLatencyTable.NB201,
            DeviceLatencyTable.FBNET, "local");

    private static final List<Integer> DEFAULT_SIZES = List.of(20, 50, 100);
    private static final int DEFAULT_TEST_SIZE = 1000;
    private static final int MAX_NETWORKS = 5000;

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--benchmark", paramLabel = "NAME", defaultValue = "nb201",
            description = "Latency table: nb201, fbnet, or local to measure this machine "
                    + "(default: ${DEFAULT-VALUE}).")
    String benchmark;

    @Option(names = "--device", paramLabel = "NAME", split = ",",
            description = "Devices of the table, comma-separated, or all (default: all).")
    List<String> devices;

    @Option(names = "--method", paramLabel = "NAME", split = ",",
            description = "Methods, comma-separated: lookup, learned, learned+lookup, transfer,"
                    + " or all (default: all; local has no transfer).")
    List<String> methods;

    @Option(names = "--predictor", paramLabel = "NAME", split = ",",
            description = "Models of the learned and transfer methods: gp, mlp-ensemble, "
                    + "random-forest or xgboost, comma-separated (default: gp).")
    List<String> predictors;

    @Option(names = "--train-size", paramLabel = "N", split = ",",
            description = "Architectures measured on the device, comma-separated "
                    + "(default: 20,50,100).")
    List<Integer> trainSizes;

    @Option(names = "--test-size", paramLabel = "M",
            description = "Held-out architectures (default: 1000 for tables; for local, the "
                    + "networks left after the largest training set).")
    Integer testSize;

    @Option(names = "--networks", paramLabel = "N", defaultValue = "300",
            description = "Random macro networks to time for local (default: ${DEFAULT-VALUE}).")
    int networks;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
            description = "First seed of the training samples and fits (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--seeds", paramLabel = "K", defaultValue = "1",
            description = "Seeds per device, method and size: S to S+K-1 (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "Runs at the same time (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--output", paramLabel = "DIR",
            description = "Directory for runs.csv, summary.csv, summary.md and the plot "
                    + "(default: none).")
    Path outputDirectory;

    private String notes = "";

    @Override
    public Integer call() throws IOException, InterruptedException {
        BenchInputs inputs = new BenchInputs(spec);
        if (!BENCHMARKS.contains(benchmark)) {
            throw inputs.usage("invalid --benchmark '" + benchmark + "': valid benchmarks are "
                    + String.join(", ", BENCHMARKS));
        }
        boolean local = benchmark.equals("local");
        List<LatencyMethod> chosenMethods = methods(inputs, local);
        List<String> models = predictors == null ? List.of("gp") : predictors;
        inputs.requireDistinct("--predictor", models);
        for (String model : models) {
            if (!LatencyModels.names().contains(model)) {
                throw inputs.usage("invalid --predictor '" + model + "': valid predictors are "
                        + String.join(", ", LatencyModels.names()));
            }
        }
        List<Integer> sizes = trainSizes == null ? DEFAULT_SIZES : trainSizes;
        inputs.requireDistinct("--train-size", sizes.stream().map(String::valueOf).toList());
        for (int size : sizes) {
            inputs.requireRange("--train-size", size, Integer.MAX_VALUE);
        }
        inputs.requireRange("--seeds", seeds, 100_000);
        inputs.requireRange("--threads", threads, 256);
        if (outputDirectory != null) {
            inputs.prepareOutput("--output", outputDirectory);
        }

        LatencyBenchmark bench;
        Supplier<LookupPredictor> lookups;
        List<String> chosenDevices;
        if (local) {
            chosenDevices = localDevices(inputs);
            int heldOut = localTestSize(inputs, sizes);
            LocalLatencyData data = LocalLatencyData.measure(networks, seed);
            bench = benchmark(inputs, data.table(), heldOut, 0);
            MacroKernels layout = MacroKernels.fashionMnist();
            lookups = () -> LookupPredictor.measured(layout, data.lookup());
            notes = String.format(Locale.ROOT, "Local: %d random macro networks (Fashion-MNIST "
                    + "input 1x28x28, stem stride 2, 10 classes) and their %d distinct kernels "
                    + "timed with DJL, batch 1, one intra-op thread, median of 50 runs after 10 "
                    + "warm-up runs, in %.0f s; measured lookup table.", networks,
                    data.lookup().kernelMs().size(), data.measureSeconds());
        } else {
            DeviceLatencyTable table = benchmark.equals(DeviceLatencyTable.NB201)
                    ? DeviceLatencyTable.nb201(Nb201Table.load())
                    : DeviceLatencyTable.fbnet(FbnetLatencyTable.load());
            chosenDevices = tableDevices(inputs, table);
            bench = benchmark(inputs, table, testSize == null ? DEFAULT_TEST_SIZE : testSize,
                    LatencyBenchmark.REFERENCES);
            lookups = LatencyCandidates.fittedLookups(new ChoiceKernels(table.space()));
            notes = "Fitted lookup table (non-negative least squares on the training networks);"
                    + " learned models on the one-hot encoding; transfer keeps the "
                    + LatencyCandidates.NEIGHBOURS + " of the table's other devices most "
                    + "rank-correlated on " + LatencyBenchmark.REFERENCES + " reference "
                    + "architectures, which every training set contains.";
        }

        List<LatencyCandidate> candidates = candidates(bench, chosenMethods, models, lookups);
        checkSizes(inputs, bench, candidates, chosenDevices.get(0), sizes);
        List<Callable<LatencyRun>> tasks = new ArrayList<>();
        for (String device : chosenDevices) {
            for (LatencyCandidate candidate : candidates) {
                for (int size : sizes) {
                    for (int k = 0; k < seeds; k++) {
                        long runSeed = seed + k;
                        tasks.add(() -> logged(bench.run(candidate, device, size, runSeed)));
                    }
                }
            }
        }
        List<LatencyRun> runs = runAll(tasks);
        List<LatencySummary> summaries = LatencySummary.of(runs);
        if (outputDirectory != null) {
            write(runs, summaries, sizes);
        }
        print(bench, runs, summaries);
        return 0;
    }

    private List<LatencyMethod> methods(BenchInputs inputs, boolean local) {
        List<String> names = methods == null || methods.equals(List.of("all"))
                ? LatencyMethod.keys() : methods;
        inputs.requireDistinct("--method", names);
        List<LatencyMethod> parsed = new ArrayList<>();
        for (String name : names) {
            LatencyMethod method;
            try {
                method = LatencyMethod.parse(name);
            } catch (IllegalArgumentException e) {
                throw inputs.usage("invalid --method: " + e.getMessage());
            }
            if (local && method == LatencyMethod.TRANSFER) {
                if (methods == null || methods.equals(List.of("all"))) {
                    continue;
                }
                throw inputs.usage("invalid --method transfer for --benchmark local: transfer "
                        + "reads other devices, and local has only this machine; use nb201 or "
                        + "fbnet");
            }
            parsed.add(method);
        }
        return parsed;
    }

    private List<String> localDevices(BenchInputs inputs) {
        if (devices != null && !devices.equals(List.of("all"))
                && !devices.equals(List.of(LocalLatencyData.DEVICE))) {
            throw inputs.usage("invalid --device " + String.join(",", devices)
                    + " for --benchmark local: the only device is this machine, "
                    + LocalLatencyData.DEVICE + ", or all");
        }
        inputs.requireRange("--networks", networks, MAX_NETWORKS);
        return List.of(LocalLatencyData.DEVICE);
    }

    /** Returns the held-out count of a local run, checked before any network is timed. */
    private int localTestSize(BenchInputs inputs, List<Integer> sizes) {
        int largest = Collections.max(sizes);
        int heldOut = testSize == null ? networks - largest : testSize;
        if (heldOut < 2 || heldOut + largest > networks) {
            throw inputs.usage("invalid --train-size " + largest + " with " + networks
                    + " --networks" + (testSize == null ? "" : " and --test-size " + testSize)
                    + ": the largest training set and at least 2 held-out networks must fit "
                    + "in the timed networks; raise --networks or lower --train-size");
        }
        return heldOut;
    }

    private List<String> tableDevices(BenchInputs inputs, DeviceLatencyTable table) {
        List<String> valid = table.devices();
        if (devices == null || devices.equals(List.of("all"))) {
            return valid;
        }
        inputs.requireDistinct("--device", devices);
        for (String device : devices) {
            if (!valid.contains(device)) {
                throw inputs.usage("invalid --device '" + device + "' for " + benchmark
                        + ": valid devices are " + String.join(", ", valid) + ", or all");
            }
        }
        return devices;
    }

    private LatencyBenchmark benchmark(BenchInputs inputs, DeviceLatencyTable table, int heldOut,
            int references) {
        try {
            return new LatencyBenchmark(table, heldOut, references);
        } catch (IllegalArgumentException e) {
            throw inputs.usage("invalid --test-size: " + e.getMessage());
        }
    }

    private static List<LatencyCandidate> candidates(LatencyBenchmark bench,
            List<LatencyMethod> chosen, List<String> models, Supplier<LookupPredictor> lookups) {
        List<LatencyCandidate> candidates = new ArrayList<>();
        var space = bench.table().space();
        for (LatencyMethod method : chosen) {
            if (method == LatencyMethod.LOOKUP) {
                candidates.add(LatencyCandidates.lookup(lookups));
                continue;
            }
            for (String model : models) {
                candidates.add(switch (method) {
                    case LEARNED -> LatencyCandidates.learned(space, model,
                            LatencyModels.factory(model));
                    case LEARNED_LOOKUP -> LatencyCandidates.learnedWithLookup(space, model,
                            LatencyModels.factory(model), lookups);
                    case TRANSFER -> LatencyCandidates.transfer(bench, model,
                            LatencyModels.factory(model));
                    case LOOKUP -> throw new IllegalStateException("lookup is handled above");
                });
            }
        }
        return candidates;
    }

    private static void checkSizes(BenchInputs inputs, LatencyBenchmark bench,
            List<LatencyCandidate> candidates, String device, List<Integer> sizes) {
        for (LatencyCandidate candidate : candidates) {
            int minimum = candidate.factory().create(device, 0).minTrainingSize();
            for (int size : sizes) {
                if (size < minimum) {
                    String reason = candidate.method().equals(TransferLatencyPredictor.NAME)
                            ? " (the reference architectures of the device embedding)" : "";
                    throw inputs.usage("invalid --train-size " + size + ": method '"
                            + candidate.method() + "' needs at least " + minimum
                            + " measured architectures" + reason);
                }
                if (size > bench.maxTrainSize()) {
                    throw inputs.usage("invalid --train-size " + size + ": "
                            + bench.table().benchmark() + " has " + bench.maxTrainSize()
                            + " architectures outside the " + bench.testSet().size()
                            + " held out; lower --train-size or --test-size");
                }
            }
        }
    }

    private static LatencyRun logged(LatencyRun run) {
        LOG.info("{} {} {} {} n={} seed={}: MAPE {}%, within 10% {}%", run.benchmark(),
                run.device(), run.method(), run.predictor(), run.trainSize(), run.seed(),
                format(run.mape()), format(run.within10()));
        return run;
    }

    private List<LatencyRun> runAll(List<Callable<LatencyRun>> tasks)
            throws InterruptedException {
        return BenchTasks.runAll(threads, tasks, "latency run");
    }

    private void write(List<LatencyRun> runs, List<LatencySummary> summaries,
            List<Integer> sizes) throws IOException {
        LatencyBenchFiles.writeRuns(runs, outputDirectory.resolve("runs.csv"));
        LatencyBenchFiles.writeSummaryCsv(summaries, outputDirectory.resolve("summary.csv"));
        LatencyBenchFiles.writeMarkdown(summaries, sizes, commandLine(), notes,
                outputDirectory.resolve("summary.md"));
        long deviceCount = summaries.stream().map(LatencySummary::device).distinct().count();
        String title = benchmark + ": mean MAPE over " + deviceCount
                + (deviceCount == 1 ? " device" : " devices");
        LatencyPlot.write(summaries, title, outputDirectory.resolve("mape-" + benchmark + ".png"));
    }

    private String commandLine() {
        return "archforge " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    private void print(LatencyBenchmark bench, List<LatencyRun> runs,
            List<LatencySummary> summaries) {
        PrintWriter out = spec.commandLine().getOut();
        if (output.json()) {
            out.println(Json.write(json(bench, runs, summaries)));
            out.flush();
            return;
        }
        TextTable table = new TextTable(List.of("benchmark", "device", "method", "predictor",
                "#train", "#seeds", "#mape_%", "#mape_sd", "#within10_%", "#within10_sd",
                "#fit_s"));
        for (LatencySummary s : summaries) {
            table.add(List.of(s.benchmark(), s.device(), s.method(), s.predictor(),
                    Integer.toString(s.trainSize()), Integer.toString(s.seeds()),
                    format(s.mape()), format(s.mapeStd()), format(s.within10()),
                    format(s.within10Std()), format(s.fitSeconds())));
        }
        out.print(table.render());
        out.flush();
    }

    /** Builds the JSON output; with a single run, its measures also sit at the top level. */
    private Map<String, Object> json(LatencyBenchmark bench, List<LatencyRun> runs,
            List<LatencySummary> summaries) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("benchmark", benchmark);
        root.put("test_size", bench.testSet().size());
        root.put("references", bench.references().size());
        if (runs.size() == 1) {
            root.putAll(runJson(runs.get(0)));
        }
        root.put("runs", runs.stream().map(LatencyBenchCommand::runJson).toList());
        root.put("summary", summaries.stream().map(LatencyBenchCommand::summaryJson).toList());
        return root;
    }

    private static Map<String, Object> runJson(LatencyRun run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("device", run.device());
        json.put("method", run.method());
        json.put("predictor", run.predictor());
        json.put("train_size", run.trainSize());
        json.put("seed", run.seed());
        json.put("mape", run.mape());
        json.put("within10", run.within10());
        json.put("fit_seconds", run.fitSeconds());
        return json;
    }

    private static Map<String, Object> summaryJson(LatencySummary s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("device", s.device());
        json.put("method", s.method());
        json.put("predictor", s.predictor());
        json.put("train_size", s.trainSize());
        json.put("seeds", s.seeds());
        json.put("mape", s.mape());
        json.put("mape_std", s.mapeStd());
        json.put("within10", s.within10());
        json.put("within10_std", s.within10Std());
        json.put("fit_seconds", s.fitSeconds());
        return json;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
