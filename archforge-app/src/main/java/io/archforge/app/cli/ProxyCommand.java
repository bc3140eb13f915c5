package io.archforge.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.archforge.app.output.TextTable;
import io.archforge.space.Architecture;
import io.archforge.torch.nb201.Nb201Input;
import io.archforge.torch.proxy.ProxyBatch;
import io.archforge.torch.proxy.ProxyComputationException;
import io.archforge.torch.proxy.ProxyInput;
import io.archforge.torch.proxy.ProxyRunner;
import io.archforge.torch.proxy.ZeroCostProxies;
import io.archforge.torch.proxy.ZeroCostProxy;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * {@code archforge proxy}: zero-cost proxy scores of NAS-Bench-201 cells, computed on
 * untrained DJL networks, one output row per architecture of a file.
 */
@Command(name = "proxy", mixinStandardHelpOptions = true,
        description = {
            "Score NAS-Bench-201 cells with zero-cost proxies on untrained networks.",
            "--architectures names a file with one nb201 architecture string per line; "
                + "blank lines and lines starting with # are skipped. With --json each "
                + "architecture prints one JSON object per line (JSON Lines) with the key "
                + "architecture and one key per proxy; a score that comes out NaN or "
                + "infinite is null and logged as a warning."})
public final class ProxyCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyCommand.class);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    @Option(names = "--benchmark", paramLabel = "NAME", defaultValue = "nb201",
            description = "Benchmark whose networks are built: nb201 (default: ${DEFAULT-VALUE}).")
    String benchmark;

    @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "cifar10",
            description = "Input shape and classes of the network: cifar10, cifar100 or "
                    + "imagenet16-120 (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--proxy", paramLabel = "NAME", required = true,
            description = "Proxy to compute, repeatable: params, flops, synflow, snip, "
                    + "grad_norm, fisher, grasp, jacov or nwot.")
    List<String> proxies;

    @Option(names = "--architectures", paramLabel = "FILE", required = true,
            description = "File with one nb201 architecture string per line.")
    Path architectures;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "64",
            description = "Images in the one batch of the data-dependent proxies "
                    + "(default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--proxy-data", paramLabel = "noise|fashion-mnist",
            defaultValue = "fashion-mnist",
            description = "Batch of the data-dependent proxies: fashion-mnist (images of the "
                    + "Fashion-MNIST subset shipped in the jar, resized and repeated in 3 "
                    + "channels) or noise (standard normal pixels, uniform labels) "
                    + "(default: ${DEFAULT-VALUE}).")
    String proxyData;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "Seed of the initial weights and of the batch (default: "
                    + "${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (!benchmark.equals("nb201")) {
            throw new UsageException("unknown --benchmark '" + benchmark
                    + "': proxies are computed on nb201 networks only");
        }
        Nb201Input input = input();
        List<ZeroCostProxy> chosen = proxies(proxies);
        ProxyData data = ProxyData.parse(proxyData);
        if (batchSize < 2) {
            throw new UsageException("invalid --batch-size " + batchSize
                    + ": it must be 2 or more");
        }
        List<Architecture> cells = ArchitectureList.read(architectures);
        ProxyBatch batch = data.batch(input, batchSize, seed);
        LOG.info("Scoring {} architectures with {}; batch: {}", cells.size(),
                String.join(", ", proxies), batch.source());

        List<Map<String, Object>> rows = new ArrayList<>();
        PrintWriter out = spec.commandLine().getOut();
        try (ProxyRunner runner = new ProxyRunner()) {
            for (Architecture cell : cells) {
                Map<String, Object> row = score(runner, chosen, new ProxyInput(cell, batch, seed));
                if (output.json()) {
                    out.println(jsonLine(row));
                    out.flush();
                } else {
                    rows.add(row);
                }
            }
        }
        if (!output.json()) {
            out.print(table(rows, chosen));
            out.flush();
        }
        return ExitCodes.OK;
    }

    private Nb201Input input() {
        try {
            return Nb201Input.of(dataset);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid --dataset: " + e.getMessage());
        }
    }

    /** Resolves proxy names, rejecting an unknown or repeated one. */
    static List<ZeroCostProxy> proxies(List<String> names) {
        List<ZeroCostProxy> chosen = new ArrayList<>();
        for (String name : names) {
            try {
                chosen.add(ZeroCostProxies.byName(name));
            } catch (IllegalArgumentException e) {
                throw new UsageException("unknown --proxy '" + name + "': allowed names are "
                        + String.join(", ", ZeroCostProxies.names()));
            }
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new UsageException("invalid --proxy " + String.join(",", names)
                    + ": name each proxy once");
        }
        return chosen;
    }

    private static Map<String, Object> score(ProxyRunner runner, List<ZeroCostProxy> chosen,
            ProxyInput input) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("architecture", input.architecture().text());
        for (ZeroCostProxy proxy : chosen) {
            try {
                row.put(proxy.name(), runner.score(proxy, input).value());
            } catch (ProxyComputationException e) {
                LOG.warn("{}", e.getMessage());
                row.put(proxy.name(), null);
            }
        }
        return row;
    }

    private static String jsonLine(Map<String, Object> row) {
        try {
            return COMPACT.writeValueAsString(row);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write JSON output", e);
        }
    }

    private static String table(List<Map<String, Object>> rows, List<ZeroCostProxy> chosen) {
        List<String> headers = new ArrayList<>(List.of("architecture"));
        chosen.forEach(proxy -> headers.add("#" + proxy.name()));
        TextTable table = new TextTable(headers);
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>(List.of((String) row.get("architecture")));
            for (ZeroCostProxy proxy : chosen) {
                Object value = row.get(proxy.name());
                cells.add(value == null ? "failed"
                        : String.format(Locale.ROOT, "%.6g", (Double) value));
            }
            table.add(cells);
        }
        return table.render();
    }
}
