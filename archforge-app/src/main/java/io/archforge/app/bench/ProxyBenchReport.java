package io.archforge.app.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;

/** Writes the CSV and the Markdown summary of the proxy benchmark. */
final class ProxyBenchReport {

    /**
     * Spearman rank correlation with NAS-Bench-201 CIFAR-10 test accuracy over the whole
     * space, from Abdelfattah et al., "Zero-Cost Proxies for Lightweight NAS" (ICLR 2021).
     * nwot is not in that paper.
     */
    static final Map<String, Double> PUBLISHED_CIFAR10 = Map.of("synflow", 0.74,
            "jacov", 0.73, "flops", 0.75, "params", 0.75, "grad_norm", 0.58, "snip", 0.58,
            "grasp", 0.48, "fisher", 0.36);

    private static final List<String> DATA_FREE = List.of("params", "flops", "synflow");

    private final List<String> proxies;
    private final List<ProxyCellScores> cells;

    ProxyBenchReport(List<String> proxies, List<ProxyCellScores> cells) {
        this.proxies = List.copyOf(proxies);
        this.cells = List.copyOf(cells);
    }

    /** Writes {@code proxies.csv}: one row per cell, score, time and stored score per proxy. */
    void writeCsv(Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder("nb201_index,architecture,stored,sampled,"
                    + "test_accuracy");
            for (String proxy : proxies) {
                header.append(',').append(proxy).append(',').append(proxy).append("_ms,stored_")
                        .append(proxy);
            }
            out.write(header.append('\n').toString());
            for (ProxyCellScores cell : cells) {
                StringBuilder row = new StringBuilder();
                row.append(cell.index()).append(',').append(cell.architecture()).append(',')
                        .append(cell.stored()).append(',').append(cell.sampled()).append(',')
                        .append(number(cell.testAccuracy()));
                for (String proxy : proxies) {
                    row.append(',').append(number(cell.values().get(proxy)))
                            .append(',').append(number(cell.millis().get(proxy)))
                            .append(',').append(number(cell.storedValues()
                                    .getOrDefault(proxy, Double.NaN)));
                }
                out.write(row.append('\n').toString());
            }
        }
    }

    /** Renders the Markdown summary: both correlation tables and the cost per proxy. */
    String summary(String dataset, String settings) {
        StringBuilder text = new StringBuilder();
        text.append(settings).append("\n\n");
        long stored = cells.stream().filter(ProxyCellScores::stored).count();
        long sampled = cells.stream().filter(ProxyCellScores::sampled).count();

        text.append(String.format(Locale.ROOT, "Spearman rank correlation with the scores"
                + " NASLib stored for the same %d cells (%s):%n%n", stored, dataset));
        text.append("| proxy | Spearman vs stored | cells | comparable |\n|---|---|---|---|\n");
        for (String proxy : proxies) {
            Correlation rho = spearman(ProxyCellScores::stored, proxy,
                    cell -> cell.storedValues().getOrDefault(proxy, Double.NaN));
            boolean comparable = DATA_FREE.contains(proxy);
            text.append(String.format(Locale.ROOT, "| %s | %s | %d | %s |%n", proxy,
                    rho.text(), rho.pairs(), comparable ? "yes"
                            : "no: stored scores used CIFAR batches"));
        }

        text.append(String.format(Locale.ROOT, "%nSpearman rank correlation with the"
                + " 200-epoch %s test accuracy over %d sampled cells, beside the published"
                + " figure over all of NAS-Bench-201 (Abdelfattah et al., ICLR 2021):%n%n",
                dataset, sampled));
        text.append("| proxy | Spearman vs test accuracy | cells | published (CIFAR-10) |"
                + " failed cells |\n|---|---|---|---|---|\n");
        for (String proxy : proxies) {
            Correlation rho = spearman(ProxyCellScores::sampled, proxy,
                    ProxyCellScores::testAccuracy);
            Double published = PUBLISHED_CIFAR10.get(proxy);
            long failed = cells.stream().filter(ProxyCellScores::sampled)
                    .filter(cell -> Double.isNaN(cell.values().get(proxy))).count();
            text.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %d |%n", proxy,
                    rho.text(), rho.pairs(), published == null ? "-"
                            : String.format(Locale.ROOT, "%.2f", published), failed));
        }

        text.append("\nCost per cell, network building included (all computed cells):\n\n");
        text.append("| proxy | mean (ms) | median (ms) |\n|---|---|---|\n");
        for (String proxy : proxies) {
            double[] times = cells.stream().mapToDouble(cell -> cell.millis().get(proxy))
                    .sorted().toArray();
            text.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f |%n", proxy,
                    Arrays.stream(times).average().orElse(Double.NaN),
                    times.length == 0 ? Double.NaN : times[times.length / 2]));
        }
        return text.toString();
    }

    /** A rank correlation and the number of cells with both values. */
    record Correlation(double rho, int pairs) {
        String text() {
            return Double.isNaN(rho) ? "-" : String.format(Locale.ROOT, "%.3f", rho);
        }
    }

    private Correlation spearman(Predicate<ProxyCellScores> include, String proxy,
            ToDoubleFunction<ProxyCellScores> other) {
        List<double[]> pairs = new ArrayList<>();
        for (ProxyCellScores cell : cells) {
            if (!include.test(cell)) {
                continue;
            }
            double ours = cell.values().get(proxy);
            double theirs = other.applyAsDouble(cell);
            if (!Double.isNaN(ours) && !Double.isNaN(theirs)) {
                pairs.add(new double[] {ours, theirs});
            }
        }
        if (pairs.size() < 3) {
            return new Correlation(Double.NaN, pairs.size());
        }
        double[] a = pairs.stream().mapToDouble(p -> p[0]).toArray();
        double[] b = pairs.stream().mapToDouble(p -> p[1]).toArray();
        return new Correlation(new SpearmansCorrelation().correlation(a, b), pairs.size());
    }

    private static String number(Double value) {
        return value == null || value.isNaN() ? "" : Double.toString(value);
    }
}
