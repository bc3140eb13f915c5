package io.archforge.app.report;

import io.archforge.benchmarks.pareto.ParetoSummary;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * A PNG chart of the median IGD against trials for one data set, one line per
 * strategy with a shaded band from the lower to the upper quartile over seeds.
 */
public final class ParetoIgdPlot {

    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xff7f0e), new Color(0x8c564b),
    };

    private ParetoIgdPlot() {
    }

    /**
     * Writes the chart of {@code curves} (strategy label to its summaries in trial order)
     * to {@code png}.
     *
     * @throws IOException when the file cannot be written
     */
    public static void write(Map<String, List<ParetoSummary>> curves, String title, Path png)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(720).height(450).title(title)
                .xAxisTitle("trials").yAxisTitle("IGD to the true front (scaled objectives)")
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        int i = 0;
        for (Map.Entry<String, List<ParetoSummary>> curve : curves.entrySet()) {
            List<ParetoSummary> points = curve.getValue();
            double[] trials = points.stream().mapToDouble(ParetoSummary::trials).toArray();
            double[] median = points.stream().mapToDouble(s -> s.igd().median()).toArray();
            double[] low = points.stream().mapToDouble(s -> s.igd().lowerQuartile()).toArray();
            double[] high = points.stream().mapToDouble(s -> s.igd().upperQuartile()).toArray();
            RegretPlot.addBandedLine(chart, curve.getKey(), trials, median, low, high,
                    COLORS[i++ % COLORS.length]);
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
