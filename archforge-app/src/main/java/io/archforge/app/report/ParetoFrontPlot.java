package io.archforge.app.report;

import io.archforge.benchmarks.pareto.FrontPoint;
import io.archforge.benchmarks.pareto.TrueFront;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A PNG chart of one data set's true Pareto front and, as coloured points, the final
 * Pareto set of one run per strategy: FLOPs in millions across, test accuracy in
 * percent up. The front is drawn as a staircase, the edge of the region it dominates,
 * because between two neighbouring front points no cell is more accurate than the
 * cheaper one.
 */
public final class ParetoFrontPlot {

    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xff7f0e), new Color(0x8c564b),
    };

    private ParetoFrontPlot() {
    }

    /**
     * Writes the chart of {@code front} and {@code runs} (strategy label to points) to
     * {@code png}.
     *
     * @throws IOException when the file cannot be written
     */
    public static void write(TrueFront front, Map<String, List<FrontPoint>> runs, String title,
            Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(720).height(450).title(title)
                .xAxisTitle("FLOPs (M)").yAxisTitle("test accuracy (%)").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setMarkerSize(7);

        List<FrontPoint> points = front.points();
        double[] stairX = new double[2 * points.size() - 1];
        double[] stairY = new double[2 * points.size() - 1];
        for (int k = 0; k < points.size(); k++) {
            // Each point, then a step right to the next point's FLOPs at this accuracy.
            stairX[2 * k] = points.get(k).flops();
            stairY[2 * k] = points.get(k).testAccuracy();
            if (k + 1 < points.size()) {
                stairX[2 * k + 1] = points.get(k + 1).flops();
                stairY[2 * k + 1] = points.get(k).testAccuracy();
            }
        }
        XYSeries line = chart.addSeries("true front", stairX, stairY);
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setLineColor(Color.BLACK);
        line.setLineStyle(new BasicStroke(1.5f));
        line.setMarker(SeriesMarkers.NONE);

        int i = 0;
        for (Map.Entry<String, List<FrontPoint>> run : runs.entrySet()) {
            if (run.getValue().isEmpty()) {
                continue;
            }
            XYSeries found = chart.addSeries(run.getKey(), flops(run.getValue()),
                    accuracies(run.getValue()));
            found.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            found.setMarkerColor(COLORS[i++ % COLORS.length]);
            found.setMarker(SeriesMarkers.CIRCLE);
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static double[] flops(List<FrontPoint> points) {
        return points.stream().mapToDouble(FrontPoint::flops).toArray();
    }

    private static double[] accuracies(List<FrontPoint> points) {
        return points.stream().mapToDouble(FrontPoint::testAccuracy).toArray();
    }
}
