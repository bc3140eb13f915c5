package io.archforge.app.bench;

import io.archforge.benchmarks.latency.LatencyRun;
import io.archforge.benchmarks.latency.LatencySummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The files {@code bench latency --output} writes. */
final class LatencyBenchFiles {

    private LatencyBenchFiles() {
    }

    /** Writes one CSV row per run. */
    static void writeRuns(List<LatencyRun> runs, Path csv) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
            out.println("benchmark,device,method,predictor,train_size,test_size,seed,mape,"
                    + "within10,fit_seconds");
            for (LatencyRun r : runs) {
                out.println(String.join(",", r.benchmark(), r.device(), r.method(),
                        r.predictor(), Integer.toString(r.trainSize()),
                        Integer.toString(r.testSize()), Long.toString(r.seed()),
                        number(r.mape()), number(r.within10()), number(r.fitSeconds())));
            }
        }
    }

    /** Writes one CSV row per device, method and size, with the means over seeds. */
    static void writeSummaryCsv(List<LatencySummary> summaries, Path csv) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
            out.println("benchmark,device,method,predictor,train_size,seeds,mape,mape_std,"
                    + "within10,within10_std,fit_seconds");
            for (LatencySummary s : summaries) {
                out.println(String.join(",", s.benchmark(), s.device(), s.method(),
                        s.predictor(), Integer.toString(s.trainSize()),
                        Integer.toString(s.seeds()), number(s.mape()), number(s.mapeStd()),
                        number(s.within10()), number(s.within10Std()),
                        number(s.fitSeconds())));
            }
        }
    }

    /**
     * Writes the Markdown summary: the command, then one table per benchmark with a row
     * per device and method and a column pair per training-set size.
     */
    static void writeMarkdown(List<LatencySummary> summaries, List<Integer> sizes,
            String command, String notes, Path markdown) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(markdown, StandardCharsets.UTF_8))) {
            out.println("# Latency predictor benchmark");
            out.println();
            out.println("Command: `" + command + "` ("
                    + Runtime.getRuntime().availableProcessors() + " cores). " + notes);
            out.print(markdownTables(summaries, sizes));
        }
    }

    /**
     * Returns the Markdown tables: MAPE and within-10% as mean +- standard deviation over
     * seeds, one table per benchmark.
     */
    static String markdownTables(List<LatencySummary> summaries, List<Integer> sizes) {
        StringBuilder text = new StringBuilder();
        String benchmark = "";
        String row = "";
        for (LatencySummary s : summaries) {
            if (!s.benchmark().equals(benchmark)) {
                benchmark = s.benchmark();
                row = "";
                text.append("\n## ").append(benchmark).append("\n\n");
                text.append("MAPE % and share within 10 %, mean +- standard deviation over ")
                        .append(s.seeds()).append(s.seeds() == 1 ? " seed" : " seeds")
                        .append(".\n\n| device | method | predictor |");
                StringBuilder rule = new StringBuilder("|---|---|---|");
                for (int size : sizes) {
                    text.append(" MAPE n=").append(size).append(" | within 10% n=")
                            .append(size).append(" |");
                    rule.append("---:|---:|");
                }
                text.append('\n').append(rule).append('\n');
            }
            String key = s.device() + "|" + s.method() + "|" + s.predictor();
            if (!key.equals(row)) {
                row = key;
                text.append(rowOf(summaries, s, sizes));
            }
        }
        return text.toString();
    }

    private static String rowOf(List<LatencySummary> summaries, LatencySummary first,
            List<Integer> sizes) {
        StringBuilder line = new StringBuilder("| " + first.device() + " | " + first.method()
                + " | " + first.predictor() + " |");
        for (int size : sizes) {
            LatencySummary cell = summaries.stream()
                    .filter(s -> s.benchmark().equals(first.benchmark())
                            && s.device().equals(first.device())
                            && s.method().equals(first.method())
                            && s.predictor().equals(first.predictor())
                            && s.trainSize() == size)
                    .findFirst().orElse(null);
            if (cell == null) {
                line.append(" - | - |");
            } else {
                line.append(String.format(Locale.ROOT, " %.2f +- %.2f | %.1f +- %.1f |",
                        cell.mape(), cell.mapeStd(), cell.within10(), cell.within10Std()));
            }
        }
        return line.append('\n').toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }
}
