package io.archforge.app.bench;

import io.archforge.benchmarks.hwgpt.HwGptParetoBenchmark;
import io.archforge.benchmarks.hwgpt.HwGptSummary;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes the files of {@code bench hwgpt}: every measurement as CSV, the curve of the
 * hypervolume ratio over trials as CSV and one PNG per device, and a Markdown table.
 */
final class HwGptBenchReport {

    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xff7f0e), new Color(0x8c564b),
    };
    private static final int BAND_ALPHA = 50;

    private HwGptBenchReport() {
    }

    /** Writes every row: device, strategy, seed, trials and the measures. */
    static void writeRows(List<HwGptParetoBenchmark.Row> rows, Path csv) throws IOException {
        StringBuilder text = new StringBuilder(
                "device,strategy,seed,trials,front_size,hypervolume_ratio,igd,igd_plus\n");
        for (HwGptParetoBenchmark.Row row : rows) {
            text.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%.6f,%.6f,%.6f%n",
                    row.device(), row.strategy(), row.seed(), row.trials(),
                    row.measures().size(), row.measures().hypervolumeRatio(),
                    row.measures().igd(), row.measures().igdPlus()));
        }
        Files.writeString(csv, text, StandardCharsets.UTF_8);
    }

    /** Writes the summary of every checkpoint: the hypervolume-ratio curve over trials. */
    static void writeCurve(List<HwGptSummary> summaries, Path csv) throws IOException {
        StringBuilder text = new StringBuilder("device,strategy,trials,seeds,hv_ratio_mean,"
                + "hv_ratio_std,hv_ratio_median,hv_ratio_q1,hv_ratio_q3,igd_plus_mean\n");
        for (HwGptSummary s : summaries) {
            text.append(String.format(Locale.ROOT, "%s,%s,%d,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.6f%n",
                    s.device(), s.strategy(), s.trials(), s.runs(), s.hypervolumeRatio().mean(),
                    s.hypervolumeRatioStd(), s.hypervolumeRatio().median(),
                    s.hypervolumeRatio().lowerQuartile(), s.hypervolumeRatio().upperQuartile(),
                    s.igdPlus().mean()));
        }
        Files.writeString(csv, text, StandardCharsets.UTF_8);
    }

    /** Returns the Markdown table of the summaries at {@code trials}. */
    static String markdown(List<HwGptSummary> summaries, int trials) {
        StringBuilder text = new StringBuilder("| device | strategy | hypervolume ratio, mean "
                + "+- std | median (IQR) | IGD+ mean | Pareto-set size, median |\n"
                + "|---|---|---|---|---|---|\n");
        for (HwGptSummary s : summaries) {
            if (s.trials() == trials) {
                text.append(String.format(Locale.ROOT,
                        "| %s | %s | %.4f +- %.4f | %.4f (%.4f) | %.4f | %.0f |%n", s.device(),
                        s.strategy(), s.hypervolumeRatio().mean(), s.hypervolumeRatioStd(),
                        s.hypervolumeRatio().median(), s.hypervolumeRatio().iqr(),
                        s.igdPlus().mean(), s.frontSize().median()));
            }
        }
        return text.toString();
    }

    /**
     * Writes the chart of the mean hypervolume ratio against trials on {@code device}, one
     * line per strategy with a band of one standard deviation on either side.
     */
    static void writePlot(List<HwGptSummary> summaries, String device, List<String> strategies,
            String title, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(720).height(450).title(title)
                .xAxisTitle("trials").yAxisTitle("hypervolume ratio to the true front").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        int index = 0;
        for (String strategy : strategies) {
            List<HwGptSummary> curve = summaries.stream()
                    .filter(s -> s.device().equals(device) && s.strategy().equals(strategy))
                    .toList();
            double[] trials = curve.stream().mapToDouble(HwGptSummary::trials).toArray();
            double[] mean = curve.stream().mapToDouble(s -> s.hypervolumeRatio().mean())
                    .toArray();
            double[] std = curve.stream().mapToDouble(HwGptSummary::hypervolumeRatioStd)
                    .toArray();
            addBandedLine(chart, strategy, trials, mean, std, COLORS[index++ % COLORS.length]);
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void addBandedLine(XYChart chart, String name, double[] xs, double[] means,
            double[] std, Color color) {
        int n = xs.length;
        double[] bandX = new double[2 * n];
        double[] bandY = new double[2 * n];
        for (int i = 0; i < n; i++) {
            // The polygon runs along the upper edge, then back along the lower one.
            bandX[i] = xs[i];
            bandY[i] = means[i] + std[i];
            bandX[2 * n - 1 - i] = xs[i];
            bandY[2 * n - 1 - i] = means[i] - std[i];
        }
        XYSeries band = chart.addSeries(name + " +- std", bandX, bandY);
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(),
                BAND_ALPHA));
        band.setLineColor(new Color(0, 0, 0, 0));
        band.setMarker(SeriesMarkers.NONE);
        band.setShowInLegend(false);
        XYSeries line = chart.addSeries(name, xs, means);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setLineColor(color);
        line.setLineStyle(new BasicStroke(2f));
        line.setMarker(SeriesMarkers.NONE);
    }
}
