package io.archforge.web.report;

import io.archforge.study.FrozenTrial;
import io.archforge.study.IntermediateValue;
import io.archforge.study.Objective;
import io.archforge.web.analysis.DecisionShare;
import io.archforge.web.analysis.HistoryPoint;
import io.archforge.web.analysis.IntermediateCurve;
import io.archforge.web.analysis.ParameterImportance;
import io.archforge.web.analysis.StudySnapshot;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts as PNG images, drawn by XChart without a display: the
 * optimisation history, the intermediate values, the Pareto front and the parameter
 * importance of a study.
 */
final class ReportCharts {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 380;
    private static final Color POINT = new Color(0x4e79a7);
    private static final Color BEST = new Color(0xe15759);
    private static final Color DOMINATED = new Color(0x9c9c9c);
    private static final Color BAR = new Color(0x59a14f);

    /** Series beyond this many are drawn without a legend, which would hide the chart. */
    private static final int MAX_LEGEND_SERIES = 12;

    private ReportCharts() {
    }

    /** Draws each complete trial's value of {@code objective}, and the best so far as steps. */
    static byte[] history(List<HistoryPoint> points, Objective objective) {
        XYChart chart = xyChart("Optimisation history of " + objective, "trial",
                objective.metric());
        double[] trials = points.stream().mapToDouble(HistoryPoint::trial).toArray();
        XYSeries values = chart.addSeries("complete trial", trials,
                points.stream().mapToDouble(HistoryPoint::value).toArray());
        values.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        values.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(POINT);
        XYSeries best = chart.addSeries("best so far", trials,
                points.stream().mapToDouble(HistoryPoint::best).toArray());
        best.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        best.setMarker(SeriesMarkers.NONE).setLineColor(BEST)
                .setLineStyle(new BasicStroke(2f));
        return png(chart);
    }

    /** Draws one line per trial of the values it reported for the curves' metric. */
    static byte[] intermediate(List<IntermediateCurve> curves, String metric) {
        XYChart chart = xyChart("Intermediate values of " + metric + ", one line per trial",
                "step", metric);
        chart.getStyler().setLegendVisible(curves.size() <= MAX_LEGEND_SERIES);
        for (IntermediateCurve curve : curves) {
            XYSeries series = chart.addSeries("trial " + curve.trial(),
                    curve.points().stream().mapToDouble(IntermediateValue::step).toArray(),
                    curve.points().stream().mapToDouble(IntermediateValue::value).toArray());
            series.setMarker(SeriesMarkers.CIRCLE);
        }
        return png(chart);
    }

    /**
     * Draws the complete trials on the first two objectives, x the second and y the first.
     * The Pareto set is highlighted and, with exactly two objectives, joined by a line.
     */
    static byte[] pareto(StudySnapshot study) {
        Objective y = study.objectives().get(0);
        Objective x = study.objectives().get(1);
        List<FrozenTrial> complete = study.complete().stream()
                .filter(t -> t.hasValues(List.of(x, y))).toList();
        List<FrozenTrial> front = study.paretoFront().stream()
                .sorted(Comparator.comparingDouble(t -> t.metrics().get(x.metric()))).toList();
        Set<Integer> onFront = new HashSet<>();
        front.forEach(t -> onFront.add(t.number()));
        List<FrozenTrial> dominated = complete.stream()
                .filter(t -> !onFront.contains(t.number())).toList();
        XYChart chart = xyChart("Pareto front: " + y + " against " + x, x.toString(),
                y.toString());
        if (!dominated.isEmpty()) {
            scatter(chart, "dominated trial", dominated, x, y, DOMINATED);
        }
        if (!front.isEmpty()) {
            XYSeries set = scatter(chart, "Pareto set", front, x, y, BEST);
            // A front of three or more objectives is no line in two of them.
            if (study.objectives().size() == 2) {
                set.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                set.setLineColor(BEST);
            }
        }
        return png(chart);
    }

    private static XYSeries scatter(XYChart chart, String name, List<FrozenTrial> trials,
            Objective x, Objective y, Color color) {
        XYSeries series = chart.addSeries(name,
                trials.stream().mapToDouble(t -> t.metrics().get(x.metric())).toArray(),
                trials.stream().mapToDouble(t -> t.metrics().get(y.metric())).toArray());
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(color);
        return series;
    }

    /** Draws one bar per decision: the share of the objective's variance it explains. */
    static byte[] importance(ParameterImportance importance) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Parameter importance for " + importance.objective() + " ("
                        + importance.trials() + " complete trials)")
                .xAxisTitle("decision").yAxisTitle("share of variance").build();
        style(chart.getStyler());
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(45);
        chart.getStyler().setYAxisMin(0.0);
        List<DecisionShare> decisions = importance.decisions();
        chart.addSeries("share", decisions.stream().map(DecisionShare::decision).toList(),
                decisions.stream().map(DecisionShare::share).toList())
                .setFillColor(BAR);
        return png(chart);
    }

    private static XYChart xyChart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setMarkerSize(7);
        return chart;
    }

    private static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    }

    /** Encodes the chart as PNG; the report runs headless, so no display is needed. */
    private static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a chart as PNG failed", e);
        }
    }
}
