package io.archforge.app.online;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes the files of {@code bench online}: the summary, the rolling errors and the charts. */
final class BenchFiles {

    private BenchFiles() {
    }

    /**
     * Writes {@code summary.csv}, {@code rolling.csv} and one chart
     * per stream into {@code directory}.
     *
     * @throws IOException when a file cannot be written
     */
    static void write(List<BenchRun> runs, int width, Path directory) throws IOException {
        writeRolling(runs, width, directory.resolve("rolling.csv"));
        writeSummaryCsv(runs, directory.resolve("summary.csv"));
        Map<String, List<BenchRun>> byDataset = runs.stream().collect(Collectors.groupingBy(
                BenchRun::dataset, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<BenchRun>> entry : byDataset.entrySet()) {
            String file = "rolling-" + entry.getKey().replaceAll("[^A-Za-z0-9_-]", "_") + ".png";
            RollingPlot.write(entry.getKey(), entry.getValue(), width, directory.resolve(file));
        }
    }

    /** Returns the Markdown summary: the settings line and one table row per run. */
    static String summary(List<BenchRun> runs, String settings) {
        StringBuilder text = new StringBuilder("Settings: " + settings + ".\n\n");
        text.append("| stream | method | windows | MAE | MSE | MASE | training steps | CPU s "
                + "| swaps or searches | drift alarms |\n");
        text.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (BenchRun run : runs) {
            text.append(String.format(Locale.ROOT, "| %s | %s | %d | %.4f | %.4f | %.3f | %d "
                    + "| %.1f | %d | %d |%n", run.dataset(), run.method(),
                    run.result().windows(), run.result().mae(), run.result().mse(),
                    run.result().mase(), run.result().trainingSteps(), run.cpuSeconds(),
                    run.events(), run.drifts()));
        }
        return text.toString();
    }

    private static void writeSummaryCsv(List<BenchRun> runs, Path file) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file,
                StandardCharsets.UTF_8))) {
            out.println("dataset,method,windows,mae,mse,mase,training_steps,cpu_seconds,"
                    + "events,drifts,deployed");
            for (BenchRun run : runs) {
                out.printf(Locale.ROOT, "%s,%s,%d,%.6f,%.6f,%.6f,%d,%.2f,%d,%d,\"%s\"%n",
                        run.dataset(), run.method(), run.result().windows(), run.result().mae(),
                        run.result().mse(), run.result().mase(), run.result().trainingSteps(),
                        run.cpuSeconds(), run.events(), run.drifts(), run.result().deployed());
            }
        }
    }

    private static void writeRolling(List<BenchRun> runs, int width, Path file)
            throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file,
                StandardCharsets.UTF_8))) {
            out.println("dataset,method,origin,window_mae,rolling_mae");
            for (BenchRun run : runs) {
                List<Double> rolling = run.rolling(width);
                for (int i = 0; i < rolling.size(); i++) {
                    out.printf(Locale.ROOT, "%s,%s,%d,%.6f,%.6f%n", run.dataset(), run.method(),
                            run.result().origins().get(i), run.result().absoluteErrors().get(i),
                            rolling.get(i));
                }
            }
        }
    }
}
