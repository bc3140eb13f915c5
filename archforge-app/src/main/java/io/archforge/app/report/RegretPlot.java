package io.archforge.app.report;

import io.archforge.benchmarks.RegretStatistics;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import io.archforge.benchmarks.nb201.Nb201Protocol;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A PNG chart of mean regret against trials for one data set, one line per strategy,
 * each with a shaded band of plus and minus one standard error of the mean over seeds.
 * The regret axis is logarithmic unless a mean regret is zero. Rendering needs no
 * display: AWT runs headless.
 */
public final class RegretPlot {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;
    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    };
    private static final int BAND_ALPHA = 60;

    /** On a log axis the band's lower edge stops at this fraction of the mean. */
    private static final double LOG_FLOOR = 0.01;

    private RegretPlot() {
    }

    /**
     * Writes the chart of {@code curves}, all for {@code dataset}, to {@code png}.
     *
     * @throws IOException when the file cannot be written
     */
    public static void write(List<RegretStatistics.Curve> curves, Nb201Dataset dataset,
            int seeds, Path png) throws IOException {
        write(curves, dataset, seeds, Nb201Protocol.TEST, png);
    }

    /**
     * Writes the chart of {@code curves}, all for {@code dataset} and searched under
     * {@code protocol}, to {@code png}. The title names the protocol unless it is
     * {@code test}.
     *
     * @throws IOException when the file cannot be written
     */
    public static void write(List<RegretStatistics.Curve> curves, Nb201Dataset dataset,
            int seeds, Nb201Protocol protocol, Path png) throws IOException {
        Objects.requireNonNull(png, "png");
        System.setProperty("java.awt.headless", "true");
        String band = protocol == Nb201Protocol.TEST ? "+- 1 standard error" : "+- 1 s.e.";
        String searched = protocol == Nb201Protocol.TEST ? "" : " (" + protocol.id() + ")";
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title("NAS-Bench-201 " + dataset.id() + searched + ": mean regret over "
                        + seeds + " seeds (band: " + band + ")")
                .xAxisTitle("trials")
                .yAxisTitle("regret of test accuracy (percentage points)")
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(
                org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        boolean logScale = curves.stream()
                .allMatch(curve -> curve.mean().stream().allMatch(value -> value > 0));
        chart.getStyler().setYAxisLogarithmic(logScale);
        for (int i = 0; i < curves.size(); i++) {
            addCurve(chart, curves.get(i), COLORS[i % COLORS.length], logScale);
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void addCurve(XYChart chart, RegretStatistics.Curve curve, Color color,
            boolean logScale) {
        int n = curve.mean().size();
        double[] trials = new double[n];
        double[] mean = new double[n];
        double[] low = new double[n];
        double[] high = new double[n];
        for (int i = 0; i < n; i++) {
            trials[i] = i + 1;
            mean[i] = curve.mean().get(i);
            double error = curve.standardError().get(i);
            high[i] = mean[i] + error;
            double floor = logScale ? mean[i] * LOG_FLOOR : 0;
            low[i] = Math.max(floor, mean[i] - error);
        }
        addBandedLine(chart, curve.strategy(), trials, mean, low, high, color);
    }

    /**
     * Adds a line through {@code (xs, means)} and a shaded band from {@code lows} to
     * {@code highs} behind it, the band left out of the legend.
     */
    static void addBandedLine(XYChart chart, String name, double[] xs, double[] means,
            double[] lows, double[] highs, Color color) {
        int n = xs.length;
        double[] bandX = new double[2 * n];
        double[] bandY = new double[2 * n];
        for (int i = 0; i < n; i++) {
            // The band polygon runs along the upper bound, then back along the lower.
            bandX[i] = xs[i];
            bandY[i] = highs[i];
            bandX[2 * n - 1 - i] = xs[i];
            bandY[2 * n - 1 - i] = lows[i];
        }
        XYSeries band = chart.addSeries(name + " +- s.e.", bandX, bandY);
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
