package io.archforge.app.report;

import io.archforge.study.Constraint;
import io.archforge.study.Constraints;
import io.archforge.study.FrozenTrial;
import io.archforge.study.Objective;
import io.archforge.study.Study;
import io.archforge.study.StudyConfig;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A PNG scatter of a study's trials on its first two objectives. It shows every
 * complete trial, feasible and infeasible ones apart, and joins the Pareto set by a
 * line. A dashed line marks each constraint bound on one of the two plotted metrics.
 */
public final class FrontPlot {

    private static final Color FEASIBLE = new Color(0x9e9e9e);
    private static final Color INFEASIBLE = new Color(0xf4a582);
    private static final Color FRONT = new Color(0x1f77b4);
    private static final Color BOUND = new Color(0xd62728);

    private FrontPlot() {
    }

    /**
     * Writes the chart; x is the second objective, y the first.
     *
     * @throws IllegalArgumentException when the study has fewer than two objectives
     * @throws IOException when the file cannot be written
     */
    public static void write(StudyConfig config, List<FrozenTrial> trials, Path png)
            throws IOException {
        if (config.objectives().size() < 2) {
            throw new IllegalArgumentException("a front plot needs two objectives; study '"
                    + config.name() + "' has " + config.objectives());
        }
        System.setProperty("java.awt.headless", "true");
        Objective y = config.objectives().get(0);
        Objective x = config.objectives().get(1);
        List<FrozenTrial> complete = trials.stream()
                .filter(t -> t.hasValues(config.objectives()) && Study.isFullFidelity(t))
                .toList();
        String projection = config.objectives().size() > 2
                ? " (first 2 of " + config.objectives().size() + " objectives)" : "";
        XYChart chart = new XYChartBuilder().width(800).height(560)
                .title("Study " + config.name() + ": " + complete.size() + " trials, Pareto set"
                        + projection + constraintNote(config))
                .xAxisTitle(x.toString()).yAxisTitle(y.toString()).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setMarkerSize(7);

        List<FrozenTrial> feasible = complete.stream()
                .filter(t -> Constraints.isFeasible(t, config.constraints())).toList();
        List<FrozenTrial> infeasible = complete.stream()
                .filter(t -> !Constraints.isFeasible(t, config.constraints())).toList();
        scatter(chart, config.constraints().isEmpty() ? "trials" : "feasible trials", feasible,
                x, y, FEASIBLE);
        scatter(chart, "infeasible trials", infeasible, x, y, INFEASIBLE);

        List<FrozenTrial> front = new ArrayList<>(Study.paretoFrontOf(trials, config.objectives(),
                config.constraints()));
        front.sort(Comparator.comparingDouble(t -> t.metrics().get(x.metric())));
        XYSeries line = chart.addSeries("Pareto set", values(front, x), values(front, y));
        // A front of three or more objectives is no line in two of them.
        line.setXYSeriesRenderStyle(config.objectives().size() > 2
                ? XYSeries.XYSeriesRenderStyle.Scatter : XYSeries.XYSeriesRenderStyle.Line);
        line.setLineColor(FRONT);
        line.setMarkerColor(FRONT);
        line.setMarker(SeriesMarkers.DIAMOND);

        addBounds(chart, config.constraints(), complete, x, y);
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** Returns the constraints for the title, or their count when the list is long. */
    private static String constraintNote(StudyConfig config) {
        if (config.constraints().isEmpty()) {
            return "";
        }
        String listed = config.constraints().toString();
        return listed.length() <= 40 ? " under " + listed
                : " under " + config.constraints().size() + " constraints";
    }

    private static void scatter(XYChart chart, String name, List<FrozenTrial> trials,
            Objective x, Objective y, Color color) {
        if (trials.isEmpty()) {
            return;
        }
        XYSeries series = chart.addSeries(name, values(trials, x), values(trials, y));
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarkerColor(color);
        series.setMarker(SeriesMarkers.CIRCLE);
    }

    /** A dashed line across the data at each bound on a plotted metric. */
    private static void addBounds(XYChart chart, List<Constraint> constraints,
            List<FrozenTrial> trials, Objective x, Objective y) {
        if (trials.isEmpty()) {
            return;
        }
        double[] xs = range(values(trials, x));
        double[] ys = range(values(trials, y));
        for (Constraint constraint : constraints) {
            String key = constraint.key();
            List<Double> lineX;
            List<Double> lineY;
            if (key.equals(x.metric())) {
                lineX = List.of(constraint.bound(), constraint.bound());
                lineY = List.of(ys[0], ys[1]);
            } else if (key.equals(y.metric())) {
                lineX = List.of(xs[0], xs[1]);
                lineY = List.of(constraint.bound(), constraint.bound());
            } else {
                continue;
            }
            XYSeries bound = chart.addSeries("bound " + constraint, lineX, lineY);
            bound.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            bound.setLineColor(BOUND);
            bound.setMarker(SeriesMarkers.NONE);
            bound.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
    }

    private static List<Double> values(List<FrozenTrial> trials, Objective objective) {
        return trials.stream().map(t -> t.metrics().get(objective.metric())).toList();
    }

    private static double[] range(List<Double> values) {
        double low = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double high = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        return new double[] {low, high};
    }
}
