package io.archforge.app.bench;

import io.archforge.app.report.RegretCsv;
import io.archforge.app.report.RegretPlot;
import io.archforge.benchmarks.RegretBenchmark;
import io.archforge.benchmarks.RegretSettings;
import io.archforge.benchmarks.RegretStatistics;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the rows of a regret benchmark as {@code regret.csv} and one chart of mean
 * regret per data set, {@code regret-DATASET.png}.
 */
final class RegretFiles {

    private RegretFiles() {
    }

    /**
     * Writes the CSV and the charts of {@code result} into {@code out}.
     *
     * @throws IOException when a file cannot be written
     */
    static void write(RegretBenchmark.Result result, RegretSettings settings, Path out)
            throws IOException {
        RegretCsv.write(result.rows(), out.resolve("regret.csv"));
        for (Nb201Dataset dataset : settings.datasets()) {
            List<RegretStatistics.Curve> curves = new ArrayList<>();
            for (String strategy : settings.strategies()) {
                curves.add(RegretStatistics.curve(result.rows(), strategy, dataset,
                        settings.trials()));
            }
            RegretPlot.write(curves, dataset, settings.seeds(), settings.protocol(),
                    out.resolve("regret-" + dataset.id() + ".png"));
        }
    }
}
