package io.archforge.benchmarks.hwgpt;

import io.archforge.benchmarks.pareto.Spread;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spread over seeds of the measures of one strategy on one device after one
 * checkpoint of an {@link HwGptParetoBenchmark} run.
 *
 * @param device the latency device
 * @param strategy the strategy name
 * @param trials the checkpoint, in trials
 * @param runs the number of seeds summarised
 * @param hypervolumeRatio the spread of the hypervolume ratio to the true front
 * @param hypervolumeRatioStd the sample standard deviation of the hypervolume ratio
 * @param igdPlus the spread of IGD+
 * @param frontSize the spread of the number of points in the study's Pareto set
 */
public record HwGptSummary(String device, String strategy, int trials, int runs,
        Spread hypervolumeRatio, double hypervolumeRatioStd, Spread igdPlus,
        Spread frontSize) {

    /** Groups {@code rows} by device, strategy and checkpoint, in first-seen order. */
    public static List<HwGptSummary> of(List<HwGptParetoBenchmark.Row> rows) {
        Map<List<Object>, List<HwGptParetoBenchmark.Row>> groups = new LinkedHashMap<>();
        for (HwGptParetoBenchmark.Row row : rows) {
            groups.computeIfAbsent(List.of(row.device(), row.strategy(), row.trials()),
                    k -> new ArrayList<>()).add(row);
        }
        List<HwGptSummary> summaries = new ArrayList<>();
        for (List<HwGptParetoBenchmark.Row> group : groups.values()) {
            HwGptParetoBenchmark.Row first = group.get(0);
            double[] ratios = group.stream()
                    .mapToDouble(r -> r.measures().hypervolumeRatio()).toArray();
            summaries.add(new HwGptSummary(first.device(), first.strategy(), first.trials(),
                    group.size(), Spread.of(ratios), standardDeviation(ratios),
                    Spread.of(group.stream().mapToDouble(r -> r.measures().igdPlus())
                            .toArray()),
                    Spread.of(group.stream().mapToDouble(r -> r.measures().size())
                            .toArray())));
        }
        return summaries;
    }

    /** Returns the sample standard deviation (n - 1 in the denominator), 0 for one value. */
    static double standardDeviation(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = 0;
        for (double value : values) {
            mean += value / values.length;
        }
        double sum = 0;
        for (double value : values) {
            sum += (value - mean) * (value - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }
}
