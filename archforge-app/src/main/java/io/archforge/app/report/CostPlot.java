package io.archforge.app.report;

import io.archforge.benchmarks.RegretStatistics;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * A PNG chart of mean regret against benchmark epochs spent, one line per method with
 * a band of plus and minus one standard error. The epoch axis is logarithmic, so cheap
 * early progress and the final plateau both show.
 */
public final class CostPlot {

    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    };

    private CostPlot() {
    }

    /**
     * Writes the chart of {@code curves}, each sampled at {@code grid} epochs, to {@code png}.
     *
     * @throws IOException when the file cannot be written
     */
    public static void write(List<RegretStatistics.Curve> curves, List<Double> grid,
            Nb201Dataset dataset, int seeds, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(800).height(500)
                .title("NAS-Bench-201 " + dataset.id() + ": mean regret against cost, "
                        + seeds + " seeds (band: +- 1 s.e.)")
                .xAxisTitle("benchmark epochs spent (12 per short run, 200 per full run)")
                .yAxisTitle("regret of test accuracy (percentage points)")
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisLogarithmic(true);
        for (int i = 0; i < curves.size(); i++) {
            add(chart, curves.get(i), grid, COLORS[i % COLORS.length]);
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void add(XYChart chart, RegretStatistics.Curve curve, List<Double> grid,
            Color color) {
        List<Double> xs = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            if (!Double.isNaN(curve.mean().get(i))) {
                xs.add(grid.get(i));
                means.add(curve.mean().get(i));
                errors.add(curve.standardError().get(i));
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] mean = means.stream().mapToDouble(Double::doubleValue).toArray();
        double[] low = new double[x.length];
        double[] high = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            low[i] = Math.max(0, mean[i] - errors.get(i));
            high[i] = mean[i] + errors.get(i);
        }
        RegretPlot.addBandedLine(chart, curve.strategy(), x, mean, low, high, color);
    }
}
