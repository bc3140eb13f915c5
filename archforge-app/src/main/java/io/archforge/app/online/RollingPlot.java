package io.archforge.app.online;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A PNG chart of the rolling prequential error of each method on one stream, against
 * the stream row. Rendering needs no display: AWT runs headless.
 */
final class RollingPlot {

    private static final Color[] COLORS = {new Color(0x7f7f7f), new Color(0x1f77b4),
        new Color(0xff7f0e), new Color(0x2ca02c)};

    private RollingPlot() {
    }

    /**
     * Writes the chart of {@code runs}, all on {@code dataset}, to {@code png}.
     *
     * @throws IOException when the file cannot be written
     */
    static void write(String dataset, List<BenchRun> runs, int width, Path png)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(450)
                .title(dataset + ": MAE over the last " + width + " windows (standardised)")
                .xAxisTitle("stream row (forecast origin)")
                .yAxisTitle("rolling MAE")
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.getStyler().setXAxisTickMarkSpacingHint(120);
        chart.getStyler().setLegendPosition(
                org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        for (int i = 0; i < runs.size(); i++) {
            BenchRun run = runs.get(i);
            double[] rows = run.result().origins().stream().mapToDouble(Integer::doubleValue)
                    .toArray();
            double[] errors = run.rolling(width).stream().mapToDouble(Double::doubleValue)
                    .toArray();
            XYSeries series = chart.addSeries(run.method(), rows, errors);
            series.setLineColor(COLORS[i % COLORS.length]);
            series.setLineStyle(new BasicStroke(1.5f));
            series.setMarker(SeriesMarkers.NONE);
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
