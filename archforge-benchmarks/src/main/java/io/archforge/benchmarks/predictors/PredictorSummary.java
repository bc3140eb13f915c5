package io.archforge.benchmarks.predictors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Means over seeds of the runs of one predictor at one training-set size on one table.
 *
 * @param benchmark the benchmark
 * @param dataset the data set or task
 * @param predictor the predictor
 * @param encoding the encoding it read
 * @param trainSize training architectures
 * @param seeds runs averaged
 * @param kendallTau mean Kendall tau
 * @param kendallTauStdError standard error of that mean, 0 for one seed
 * @param spearmanRho mean Spearman rho
 * @param top10Precision mean top-10% precision
 * @param coverage68 mean coverage of the one-standard-deviation interval
 * @param coverage95 mean coverage of the 95% interval
 * @param fitSeconds mean fit time
 * @param querySeconds mean time to predict the held-out set
 */
public record PredictorSummary(String benchmark, String dataset, String predictor,
        String encoding, int trainSize, int seeds, double kendallTau, double kendallTauStdError,
        double spearmanRho, double top10Precision, double coverage68, double coverage95,
        double fitSeconds, double querySeconds) {

    /** Groups {@code runs} by table, predictor, encoding and size, in first-seen order. */
    public static List<PredictorSummary> of(List<PredictorRun> runs) {
        Map<List<Object>, List<PredictorRun>> groups = new LinkedHashMap<>();
        for (PredictorRun run : runs) {
            List<Object> key = List.of(run.benchmark(), run.dataset(), run.predictor(),
                    run.encoding(), run.trainSize());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(run);
        }
        List<PredictorSummary> summaries = new ArrayList<>();
        for (List<PredictorRun> group : groups.values()) {
            PredictorRun first = group.get(0);
            summaries.add(new PredictorSummary(first.benchmark(), first.dataset(),
                    first.predictor(), first.encoding(), first.trainSize(), group.size(),
                    mean(group, PredictorRun::kendallTau),
                    standardError(group, PredictorRun::kendallTau),
                    mean(group, PredictorRun::spearmanRho),
                    mean(group, PredictorRun::top10Precision),
                    mean(group, PredictorRun::coverage68),
                    mean(group, PredictorRun::coverage95),
                    mean(group, PredictorRun::fitSeconds),
                    mean(group, PredictorRun::querySeconds)));
        }
        return summaries;
    }

    private static double mean(List<PredictorRun> runs, ToDoubleFunction<PredictorRun> value) {
        return runs.stream().mapToDouble(value).average().orElse(Double.NaN);
    }

    private static double standardError(List<PredictorRun> runs,
            ToDoubleFunction<PredictorRun> value) {
        if (runs.size() < 2) {
            return 0;
        }
        double mean = mean(runs, value);
        double squares = runs.stream()
                .mapToDouble(r -> (value.applyAsDouble(r) - mean) * (value.applyAsDouble(r) - mean))
                .sum();
        return Math.sqrt(squares / (runs.size() - 1) / runs.size());
    }
}
