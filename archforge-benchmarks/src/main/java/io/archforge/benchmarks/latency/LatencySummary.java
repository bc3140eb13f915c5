package io.archforge.benchmarks.latency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Means over seeds of the runs of one method at one training-set size on one device.
 *
 * @param benchmark the table
 * @param device the device
 * @param method the method key
 * @param predictor the learned model inside the method, or {@code -}
 * @param trainSize training architectures
 * @param seeds runs averaged
 * @param mape mean of the runs' MAPE, percent
 * @param mapeStd standard deviation of the runs' MAPE over seeds, 0 for one seed
 * @param within10 mean share of held-out architectures within 10%, percent
 * @param within10Std standard deviation of that share over seeds
 * @param fitSeconds mean fit time
 */
public record LatencySummary(String benchmark, String device, String method, String predictor,
        int trainSize, int seeds, double mape, double mapeStd, double within10,
        double within10Std, double fitSeconds) {

    /** Groups {@code runs} by table, device, method, predictor and size, in first-seen order. */
    public static List<LatencySummary> of(List<LatencyRun> runs) {
        Map<List<Object>, List<LatencyRun>> groups = new LinkedHashMap<>();
        for (LatencyRun run : runs) {
            List<Object> key = List.of(run.benchmark(), run.device(), run.method(),
                    run.predictor(), run.trainSize());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(run);
        }
        List<LatencySummary> summaries = new ArrayList<>();
        for (List<LatencyRun> group : groups.values()) {
            LatencyRun first = group.get(0);
            summaries.add(new LatencySummary(first.benchmark(), first.device(), first.method(),
                    first.predictor(), first.trainSize(), group.size(),
                    mean(group, LatencyRun::mape), std(group, LatencyRun::mape),
                    mean(group, LatencyRun::within10), std(group, LatencyRun::within10),
                    mean(group, LatencyRun::fitSeconds)));
        }
        return summaries;
    }

    private static double mean(List<LatencyRun> runs, ToDoubleFunction<LatencyRun> value) {
        return runs.stream().mapToDouble(value).average().orElse(Double.NaN);
    }

    private static double std(List<LatencyRun> runs, ToDoubleFunction<LatencyRun> value) {
        if (runs.size() < 2) {
            return 0;
        }
        double mean = mean(runs, value);
        double squares = runs.stream()
                .mapToDouble(r -> Math.pow(value.applyAsDouble(r) - mean, 2)).sum();
        return Math.sqrt(squares / (runs.size() - 1));
    }
}
