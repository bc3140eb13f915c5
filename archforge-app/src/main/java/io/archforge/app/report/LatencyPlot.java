package io.archforge.app.report;

import io.archforge.benchmarks.latency.LatencySummary;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * A PNG chart of latency prediction error against training-set size for one benchmark:
 * one line per method, its MAPE averaged over the devices. The per-device tables carry
 * the spread, which differs too much between devices for a readable band.
 */
public final class LatencyPlot {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;
    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf),
    };

    private LatencyPlot() {
    }

    /**
     * Writes the chart of {@code summaries}, all of one benchmark, to {@code png}.
     *
     * @throws IOException when the file cannot be written
     */
    public static void write(List<LatencySummary> summaries, String title, Path png)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("training architectures measured on the device")
                .yAxisTitle("MAPE on held-out set, %").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);

        Map<String, TreeMap<Integer, List<Double>>> lines = new LinkedHashMap<>();
        for (LatencySummary summary : summaries) {
            String name = summary.predictor().equals("-") ? summary.method()
                    : summary.method() + " (" + summary.predictor() + ")";
            lines.computeIfAbsent(name, k -> new TreeMap<>())
                    .computeIfAbsent(summary.trainSize(), k -> new ArrayList<>())
                    .add(summary.mape());
        }
        int colour = 0;
        for (Map.Entry<String, TreeMap<Integer, List<Double>>> line : lines.entrySet()) {
            int n = line.getValue().size();
            double[] sizes = new double[n];
            double[] means = new double[n];
            int i = 0;
            for (Map.Entry<Integer, List<Double>> point : line.getValue().entrySet()) {
                double mean = point.getValue().stream().mapToDouble(Double::doubleValue)
                        .average().orElseThrow();
                sizes[i] = point.getKey();
                means[i] = mean;
                i++;
            }
            XYSeries series = chart.addSeries(line.getKey(), sizes, means);
            series.setLineColor(COLORS[colour % COLORS.length]);
            series.setMarkerColor(COLORS[colour++ % COLORS.length]);
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
