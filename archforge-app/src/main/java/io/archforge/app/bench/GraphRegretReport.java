package io.archforge.app.bench;

import io.archforge.benchmarks.RegretStatistics;
import io.archforge.benchmarks.graph.GraphRegretRow;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes the files of {@code bench graph}: {@code regret.csv} with every row, one chart
 * of mean validation regret per data set ({@code regret-DATASET.png}) and the summary
 * tables of mean validation regret and incumbent test accuracy at chosen trial counts.
 */
final class GraphRegretReport {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;
    private static final int BAND_ALPHA = 60;
    private static final Color[] COLORS = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(214, 39, 40), new Color(148, 103, 189), new Color(140, 86, 75),
        new Color(227, 119, 194), new Color(127, 127, 127)};

    private final List<GraphRegretRow> rows;
    private final List<String> strategies;
    private final List<String> datasets;
    private final Map<String, List<GraphRegretRow>> byStudyTrial;

    GraphRegretReport(List<GraphRegretRow> rows, List<String> strategies,
            List<String> datasets) {
        this.rows = List.copyOf(rows);
        this.strategies = List.copyOf(strategies);
        this.datasets = List.copyOf(datasets);
        this.byStudyTrial = rows.stream().collect(Collectors.groupingBy(
                row -> key(row.strategy(), row.dataset(), row.trial())));
    }

    private static String key(String strategy, String dataset, int trial) {
        return strategy + "/" + dataset + "/" + trial;
    }

    /** Writes {@code regret.csv} into {@code out}. */
    void writeCsv(Path out) throws IOException {
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(
                out.resolve("regret.csv"), StandardCharsets.UTF_8))) {
            writer.println(GraphRegretRow.CSV_HEADER);
            rows.forEach(row -> writer.println(row.toCsv()));
        }
    }

    /** Writes one chart per data set into {@code out}. */
    void writeCharts(Path out, int seeds, int trials) throws IOException {
        System.setProperty("java.awt.headless", "true");
        for (String dataset : datasets) {
            XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                    .title("NAS-Bench-Graph " + dataset + ": mean regret over " + seeds
                            + " seeds (band: +- 1 standard error)")
                    .xAxisTitle("trials")
                    .yAxisTitle("regret of validation accuracy (percentage points)")
                    .build();
            chart.getStyler().setChartBackgroundColor(Color.WHITE);
            chart.getStyler().setLegendPosition(
                    org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
            for (int i = 0; i < strategies.size(); i++) {
                addCurve(chart, strategies.get(i), dataset, trials, COLORS[i % COLORS.length]);
            }
            BitmapEncoder.saveBitmap(chart, out.resolve("regret-" + dataset + ".png").toString(),
                    BitmapEncoder.BitmapFormat.PNG);
        }
    }

    private void addCurve(XYChart chart, String strategy, String dataset, int trials,
            Color color) {
        double[] xs = new double[trials];
        double[] means = new double[trials];
        double[] bandX = new double[2 * trials];
        double[] bandY = new double[2 * trials];
        for (int t = 1; t <= trials; t++) {
            RegretStatistics.Summary summary = summary(strategy, dataset, t,
                    GraphRegretRow::validRegret);
            int i = t - 1;
            xs[i] = t;
            means[i] = summary.mean();
            // The band runs along the upper bound, then back along the lower one
            bandX[i] = t;
            bandY[i] = summary.mean() + summary.standardError();
            bandX[2 * trials - 1 - i] = t;
            bandY[2 * trials - 1 - i] = Math.max(0, summary.mean() - summary.standardError());
        }
        XYSeries band = chart.addSeries(strategy + " +- s.e.", bandX, bandY);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(),
                BAND_ALPHA));
        band.setLineColor(new Color(0, 0, 0, 0));
        band.setMarker(SeriesMarkers.NONE);
        band.setShowInLegend(false);
        XYSeries line = chart.addSeries(strategy, xs, means);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setLineColor(color);
        line.setLineStyle(new BasicStroke(2f));
        line.setMarker(SeriesMarkers.NONE);
    }

    /**
     * Returns the Markdown tables of mean validation regret and mean incumbent test
     * accuracy (each +- 1 standard error over seeds) at {@code trialCounts}.
     */
    String tables(List<Integer> trialCounts) {
        StringBuilder text = new StringBuilder();
        text.append(table("Regret of validation accuracy (percentage points below the"
                + " table's best)", trialCounts, GraphRegretRow::validRegret));
        text.append('\n');
        text.append(table("Test accuracy of the incumbent (percent)", trialCounts,
                GraphRegretRow::incumbentTest));
        return text.toString();
    }

    private String table(String title, List<Integer> trialCounts,
            ToDoubleFunction<GraphRegretRow> value) {
        StringBuilder text = new StringBuilder(title).append(":\n\n| dataset | strategy |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (int trials : trialCounts) {
            text.append(' ').append(trials).append(" trials |");
            rule.append("---|");
        }
        text.append('\n').append(rule).append('\n');
        for (String dataset : datasets) {
            for (String strategy : strategies) {
                text.append("| ").append(dataset).append(" | ").append(strategy).append(" |");
                for (int trials : trialCounts) {
                    RegretStatistics.Summary summary = summary(strategy, dataset, trials, value);
                    text.append(String.format(Locale.ROOT, " %.2f +- %.2f |", summary.mean(),
                            summary.standardError()));
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    private RegretStatistics.Summary summary(String strategy, String dataset, int trial,
            ToDoubleFunction<GraphRegretRow> value) {
        double[] values = byStudyTrial.getOrDefault(key(strategy, dataset, trial), List.of())
                .stream().mapToDouble(value).toArray();
        return RegretStatistics.summarize(values);
    }
}
