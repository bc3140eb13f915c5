package io.archforge.app.bench;

import io.archforge.app.report.RegretPlot;
import io.archforge.benchmarks.RegretRow;
import io.archforge.benchmarks.RegretStatistics;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.pruning.PruningBenchmark;
import io.archforge.benchmarks.pruning.PruningRow;
import io.archforge.benchmarks.pruning.PruningSettings;
import io.archforge.benchmarks.pruning.SkippedCandidate;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the outcome of a pruning benchmark: {@code pruning.csv}, {@code skipped.csv} and
 * one chart of mean regret against evaluations per data set, {@code pruning-DATASET.png}.
 */
final class PruningFiles {

    private PruningFiles() {
    }

    /**
     * Writes the CSV files and the charts of {@code result} into {@code out}.
     *
     * @throws IOException when a file cannot be written
     */
    static void write(PruningBenchmark.Result result, PruningSettings settings, Path out)
            throws IOException {
        writeLines(out.resolve("pruning.csv"), PruningRow.CSV_HEADER,
                result.rows().stream().map(PruningRow::toCsv).toList());
        writeLines(out.resolve("skipped.csv"), SkippedCandidate.CSV_HEADER,
                result.skipped().stream().map(SkippedCandidate::toCsv).toList());
        List<RegretRow> regret = result.rows().stream().map(PruningRow::toRegretRow).toList();
        for (Nb201Dataset dataset : settings.datasets()) {
            List<RegretStatistics.Curve> curves = new ArrayList<>();
            for (String strategy : settings.strategies()) {
                for (boolean pruned : new boolean[] {false, true}) {
                    curves.add(RegretStatistics.curve(regret,
                            PruningBenchmark.arm(strategy, pruned), dataset, settings.trials()));
                }
            }
            RegretPlot.write(curves, dataset, settings.seeds(),
                    out.resolve("pruning-" + dataset.id() + ".png"));
        }
    }

    private static void writeLines(Path file, String header, List<String> lines)
            throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(header);
            writer.newLine();
            for (String line : lines) {
                writer.write(line);
                writer.newLine();
            }
        }
    }
}
