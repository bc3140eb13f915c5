package io.archforge.app.report;

import io.archforge.benchmarks.predictors.PredictorSummary;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * A PNG chart of Kendall tau against training-set size for one benchmark table, one
 * line per predictor with a band of plus and minus one standard error over seeds, on
 * a logarithmic size axis as in White et al. (2021).
 */
public final class PredictorPlot {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 500;
    private static final Color[] COLORS = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
    };

    private PredictorPlot() {
    }

    /**
     * Writes the chart of {@code summaries}, all of one table, to {@code png}.
     *
     * @throws IOException when the file cannot be written
     */
    public static void write(List<PredictorSummary> summaries, String title, Path png)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("training architectures").yAxisTitle("Kendall tau on held-out set")
                .build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        chart.getStyler().setXAxisLogarithmic(true);

        Map<String, List<PredictorSummary>> lines = new LinkedHashMap<>();
        for (PredictorSummary summary : summaries) {
            String name = summary.predictor() + " (" + summary.encoding() + ")";
            lines.computeIfAbsent(name, k -> new ArrayList<>()).add(summary);
        }
        int colour = 0;
        for (Map.Entry<String, List<PredictorSummary>> line : lines.entrySet()) {
            List<PredictorSummary> points = line.getValue();
            int n = points.size();
            double[] sizes = new double[n];
            double[] means = new double[n];
            double[] lows = new double[n];
            double[] highs = new double[n];
            for (int i = 0; i < n; i++) {
                PredictorSummary point = points.get(i);
                sizes[i] = point.trainSize();
                means[i] = point.kendallTau();
                lows[i] = point.kendallTau() - point.kendallTauStdError();
                highs[i] = point.kendallTau() + point.kendallTauStdError();
            }
            RegretPlot.addBandedLine(chart, line.getKey(), sizes, means, lows, highs,
                    COLORS[colour++ % COLORS.length]);
        }
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
