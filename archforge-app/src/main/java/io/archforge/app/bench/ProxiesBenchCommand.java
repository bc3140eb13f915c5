package io.archforge.app.bench;

import io.archforge.app.cli.ProxyData;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Table;
import io.archforge.benchmarks.nb201.Nb201ZeroCostTable;
import io.archforge.space.Architecture;
import io.archforge.torch.nb201.Nb201Input;
import io.archforge.torch.proxy.ProxyBatch;
import io.archforge.torch.proxy.ProxyComputationException;
import io.archforge.torch.proxy.ProxyInput;
import io.archforge.torch.proxy.ProxyRunner;
import io.archforge.torch.proxy.ZeroCostProxies;
import io.archforge.torch.proxy.ZeroCostProxy;
import io.archforge.torch.train.DjlRuntime;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code archforge bench proxies}: computes zero-cost proxies on untrained DJL networks
 * for the 725 NAS-Bench-201 cells whose scores NASLib stored, and for N cells sampled
 * from the whole space. It reports the rank correlation with the stored scores, with
 * the 200-epoch test accuracy, and the cost per cell.
 */
@Command(name = "proxies", mixinStandardHelpOptions = true,
        description = {
            "Compare Archforge's zero-cost proxies with the scores NASLib stored for 725 "
                + "NAS-Bench-201 cells, and with test accuracy over N sampled cells.",
            "Writes proxies.csv (every score and time) and summary.md into --output."})
public final class ProxiesBenchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ProxiesBenchCommand.class);
    private static final int PROGRESS_EVERY = 100;

    @Spec
    CommandSpec spec;

    @Option(names = "--benchmark", paramLabel = "NAME", defaultValue = "nb201",
            description = "Tabular benchmark: nb201 (default: ${DEFAULT-VALUE}).")
    String benchmark;

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "cifar10",
            description = "cifar10, cifar100 or imagenet16-120 (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--cells", paramLabel = "N", defaultValue = "1000",
            description = "Cells sampled without replacement from the 15,625 for the "
                    + "correlation with test accuracy (default: ${DEFAULT-VALUE}).")
    int cells;

    @Option(names = "--proxy", paramLabel = "NAME", split = ",",
            description = "Proxies to compute, comma-separated or repeated (default: all).")
    List<String> proxies;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64",
            description = "Images in the batch of the data-dependent proxies "
                    + "(default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--proxy-data", paramLabel = "noise|fashion-mnist",
            defaultValue = "fashion-mnist",
            description = "Batch of the data-dependent proxies (default: ${DEFAULT-VALUE}).")
    String proxyData;

    @Option(names = "--stored-cells", paramLabel = "N",
            description = "Score only the first N cells of the stored table (default: all).")
    Integer storedCells;

    @Option(names = "--stored-only", description = "Skip the sampled cells.")
    boolean storedOnly;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the sample, the weights and the batch "
                    + "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
            description = "PyTorch intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "bench-proxies",
            description = "Output directory, created if missing (default: ${DEFAULT-VALUE}).")
    Path output;

    /** The stored rows to score, by NAS-Bench-201 index; set by {@link #plan}. */
    private Map<Integer, Nb201ZeroCostTable.Row> stored;

    /** The sampled indices; set by {@link #plan}. */
    private Set<Integer> sampled;

    @Override
    public Integer call() throws IOException {
        BenchInputs inputs = new BenchInputs(spec);
        if (!benchmark.equals("nb201")) {
            throw inputs.usage("unknown --benchmark '" + benchmark
                    + "': the only tabular benchmark is nb201");
        }
        Nb201Dataset parsed = inputs.datasets("--dataset", List.of(dataset)).get(0);
        List<ZeroCostProxy> chosen = chosenProxies(inputs);
        inputs.requireRange("--cells", cells, Nb201Table.CELL_COUNT);
        inputs.requireRange("--threads", threads, 64);
        if (storedCells != null) {
            inputs.requireRange("--stored-cells", storedCells, Integer.MAX_VALUE);
        }
        if (batchSize < 2) {
            throw inputs.usage("invalid --batch-size " + batchSize + ": it must be 2 or more");
        }
        ProxyData data;
        try {
            data = ProxyData.parse(proxyData);
        } catch (RuntimeException e) {
            throw inputs.usage(e.getMessage());
        }
        inputs.prepareOutput("--output", output);
        DjlRuntime.setThreads(threads);

        Nb201Table table = Nb201Table.load();
        Nb201Input input = Nb201Input.of(parsed.id());
        ProxyBatch batch = data.batch(input, batchSize, seed);
        Map<Integer, ProxyCellScores> scored = new LinkedHashMap<>();
        long start = System.nanoTime();
        long rssBefore = residentMegabytes();
        try (ProxyRunner runner = new ProxyRunner()) {
            List<Integer> all = plan(table, parsed);
            for (int i = 0; i < all.size(); i++) {
                int index = all.get(i);
                scored.put(index, score(runner, chosen, table, parsed, batch, index));
                if ((i + 1) % PROGRESS_EVERY == 0) {
                    LOG.info("Scored {} of {} cells; resident memory {} MB", i + 1, all.size(),
                            residentMegabytes());
                }
            }
        }
        double minutes = (System.nanoTime() - start) / 6e10;
        long rssAfter = residentMegabytes();

        List<String> names = chosen.stream().map(ZeroCostProxy::name).toList();
        ProxyBenchReport report = new ProxyBenchReport(names, List.copyOf(scored.values()));
        report.writeCsv(output.resolve("proxies.csv"));
        String settings = String.format(Locale.ROOT, "Data set %s; batch: %s; seed %d; %d"
                + " PyTorch thread(s); %d cells in %.1f min; resident memory %d MB before"
                + " the first cell, %d MB at the end.", parsed.id(), batch.source(), seed,
                threads, scored.size(), minutes, rssBefore, rssAfter);
        String summary = report.summary(parsed.id(), settings);
        Files.writeString(output.resolve("summary.md"), summary, StandardCharsets.UTF_8);
        PrintWriter out = spec.commandLine().getOut();
        out.print(summary);
        out.println();
        out.println("Wrote proxies.csv and summary.md to " + output.toAbsolutePath());
        out.flush();
        return 0;
    }

    private List<ZeroCostProxy> chosenProxies(BenchInputs inputs) {
        List<String> names = proxies != null ? proxies : ZeroCostProxies.names();
        inputs.requireDistinct("--proxy", names);
        List<ZeroCostProxy> chosen = new ArrayList<>();
        for (String name : names) {
            try {
                chosen.add(ZeroCostProxies.byName(name));
            } catch (IllegalArgumentException e) {
                throw inputs.usage("unknown --proxy '" + name + "': allowed names are "
                        + String.join(", ", ZeroCostProxies.names()));
            }
        }
        return chosen;
    }

    /** Lists the stored cells first, then the sampled ones that are not among them. */
    private List<Integer> plan(Nb201Table table, Nb201Dataset parsed) {
        stored = new LinkedHashMap<>();
        List<Nb201ZeroCostTable.Row> rows = Nb201ZeroCostTable.load().rows(parsed);
        int limit = storedCells == null ? rows.size() : Math.min(storedCells, rows.size());
        for (Nb201ZeroCostTable.Row row : rows.subList(0, limit)) {
            stored.put(row.index(), row);
        }
        sampled = new LinkedHashSet<>();
        if (!storedOnly) {
            SplittableRandom random = new SplittableRandom(seed);
            while (sampled.size() < cells) {
                sampled.add(random.nextInt(table.size()));
            }
        }
        Set<Integer> all = new LinkedHashSet<>(stored.keySet());
        all.addAll(sampled);
        LOG.info("Scoring {} stored and {} sampled cells ({} in all)", stored.size(),
                sampled.size(), all.size());
        return List.copyOf(all);
    }

    private ProxyCellScores score(ProxyRunner runner, List<ZeroCostProxy> chosen,
            Nb201Table table, Nb201Dataset parsed, ProxyBatch batch, int index) {
        Architecture architecture = table.architecture(index);
        Nb201ZeroCostTable.Row row = stored.get(index);
        if (row != null && !row.architecture().equals(architecture.text())) {
            throw new IllegalStateException("stored cell " + index + " is "
                    + row.architecture() + " but the table has " + architecture.text());
        }
        ProxyInput input = new ProxyInput(architecture, batch, seed);
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Double> millis = new LinkedHashMap<>();
        Map<String, Double> storedValues = new LinkedHashMap<>();
        for (ZeroCostProxy proxy : chosen) {
            long start = System.nanoTime();
            try {
                values.put(proxy.name(), runner.score(proxy, input).value());
            } catch (ProxyComputationException e) {
                LOG.warn("{}", e.getMessage());
                values.put(proxy.name(), Double.NaN);
            }
            millis.put(proxy.name(), (System.nanoTime() - start) / 1e6);
            if (row != null && Nb201ZeroCostTable.SCORES.contains(proxy.name())) {
                storedValues.put(proxy.name(), row.score(proxy.name()));
            }
        }
        return new ProxyCellScores(index, architecture.text(), row != null,
                sampled.contains(index), table.testAccuracy(index, parsed), values, millis,
                storedValues);
    }

    /** Returns the resident set size of this process in MB, or -1 where /proc is absent. */
    private static long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.debug("Cannot read the resident set size: {}", e.toString());
        }
        return -1;
    }
}
