package io.archforge.app.report;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.pareto.FrontPoint;
import io.archforge.benchmarks.pareto.ParetoBenchmark;
import io.archforge.benchmarks.pareto.ParetoRow;
import io.archforge.benchmarks.pareto.ParetoRun;
import io.archforge.benchmarks.pareto.ParetoSettings;
import io.archforge.benchmarks.pareto.ParetoSummary;
import io.archforge.benchmarks.pareto.Spread;
import io.archforge.benchmarks.pareto.TrueFront;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The files of a Pareto benchmark: every row as CSV, the true fronts and the median
 * runs' fronts as CSV, and Markdown tables of median and interquartile range.
 */
public final class ParetoTables {

    /** Trial counts the Markdown summary reports, besides the last one. */
    public static final List<Integer> SUMMARY_TRIALS = List.of(50, 100, 200);

    private ParetoTables() {
    }

    /**
     * Writes every row of {@code result} to {@code csv}.
     *
     * @throws IOException when the file cannot be written
     */
    public static void writeRows(ParetoBenchmark.Result result, Path csv) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(ParetoRow.CSV_HEADER);
        result.rows().forEach(row -> lines.add(row.toCsv()));
        Files.write(csv, lines, StandardCharsets.UTF_8);
    }

    /**
     * Writes the points of each true front ({@code source} {@code true_front}, seed
     * empty) and of each strategy's median run to {@code csv}.
     *
     * @throws IOException when the file cannot be written
     */
    public static void writeFronts(ParetoBenchmark.Result result, ParetoSettings settings,
            Path csv) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("dataset,source,seed,cell,test_accuracy,flops");
        for (Nb201Dataset dataset : settings.datasets()) {
            TrueFront front = result.fronts().get(dataset);
            front.points().forEach(p -> lines.add(frontLine(dataset, "true_front", "", p)));
            for (String strategy : settings.strategies()) {
                ParetoRun median = result.medianRun(dataset, strategy);
                String seed = Long.toString(median.seed());
                median.front().forEach(p -> lines.add(frontLine(dataset, strategy, seed, p)));
            }
        }
        Files.write(csv, lines, StandardCharsets.UTF_8);
    }

    private static String frontLine(Nb201Dataset dataset, String source, String seed,
            FrontPoint point) {
        return dataset.id() + "," + source + "," + seed + "," + point.cell() + ","
                + point.testAccuracy() + "," + point.flops();
    }

    /** Returns the summary checkpoints that the settings measured, and the last trial. */
    public static List<Integer> summaryTrials(ParetoSettings settings) {
        TreeSet<Integer> trials = new TreeSet<>();
        SUMMARY_TRIALS.stream().filter(settings.checkpoints()::contains).forEach(trials::add);
        trials.add(settings.trials());
        return List.copyOf(trials);
    }

    /**
     * Renders one Markdown table per summary checkpoint, each with the median and the
     * interquartile range of IGD, IGD+ and the hypervolume ratio per data set and strategy.
     */
    public static String markdown(ParetoBenchmark.Result result, ParetoSettings settings) {
        List<ParetoSummary> summaries = result.summaries();
        StringBuilder text = new StringBuilder();
        text.append(frontTable(result, settings)).append('\n');
        for (int trials : summaryTrials(settings)) {
            text.append(String.format(Locale.ROOT, "After %d trials (median and interquartile "
                    + "range over %d seeds; IGD and IGD+ in objectives scaled to the true "
                    + "front, 0 is best; hypervolume ratio 1 is best):%n%n", trials,
                    settings.seeds()));
            text.append("| dataset | strategy | IGD | IGD IQR | IGD+ | IGD+ IQR | HV ratio "
                    + "| HV ratio IQR | front size |\n");
            text.append("|---|---|---|---|---|---|---|---|---|\n");
            for (Nb201Dataset dataset : settings.datasets()) {
                for (String strategy : settings.strategies()) {
                    ParetoSummary s = ParetoSummary.find(summaries, dataset, strategy, trials)
                            .orElseThrow();
                    text.append(String.format(Locale.ROOT,
                            "| %s | %s | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.1f |%n",
                            dataset.id(), strategy, s.igd().median(), s.igd().iqr(),
                            s.igdPlus().median(), s.igdPlus().iqr(),
                            s.hypervolumeRatio().median(), s.hypervolumeRatio().iqr(),
                            medianFrontSize(result, dataset, strategy, trials)));
                }
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Renders the true fronts: points, accuracy range, FLOPs range and scaled hypervolume. */
    static String frontTable(ParetoBenchmark.Result result, ParetoSettings settings) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "True Pareto fronts (all 15,625 cells; hypervolume in scaled objectives, "
                        + "reference point %.1f, %.1f):%n%n", TrueFront.REFERENCE,
                TrueFront.REFERENCE));
        text.append("| dataset | points | test accuracy (%) | FLOPs (M) | hypervolume |\n");
        text.append("|---|---|---|---|---|\n");
        for (Nb201Dataset dataset : settings.datasets()) {
            TrueFront front = result.fronts().get(dataset);
            FrontPoint cheapest = front.points().get(0);
            FrontPoint best = front.mostAccurate();
            text.append(String.format(Locale.ROOT, "| %s | %d | %.2f to %.2f | %.2f to %.2f "
                    + "| %.4f |%n", dataset.id(), front.points().size(), cheapest.testAccuracy(),
                    best.testAccuracy(), cheapest.flops(), best.flops(), front.hypervolume()));
        }
        return text.toString();
    }

    private static double medianFrontSize(ParetoBenchmark.Result result, Nb201Dataset dataset,
            String strategy, int trials) {
        double[] sizes = result.rows().stream()
                .filter(r -> r.dataset() == dataset && r.strategy().equals(strategy)
                        && r.trials() == trials)
                .mapToDouble(r -> r.measures().size())
                .toArray();
        return Spread.of(sizes).median();
    }
}
