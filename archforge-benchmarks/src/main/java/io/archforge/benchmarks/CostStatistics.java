package io.archforge.benchmarks;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import java.util.ArrayList;
import java.util.List;

/** Summaries of {@link CostRow}s at fixed amounts of spent epochs. */
public final class CostStatistics {

    private CostStatistics() {
    }

    /**
     * The best full-fidelity test accuracy of each seed's study once it has spent at most
     * {@code epochs}: the last row at or below that cost. NaN for a seed with no
     * full-fidelity result by then.
     */
    public static double[] bestAt(List<CostRow> rows, String method, Nb201Dataset dataset,
            int seeds, double epochs) {
        double[] best = new double[seeds];
        java.util.Arrays.fill(best, Double.NaN);
        for (CostRow row : rows) {
            if (row.method().equals(method) && row.dataset() == dataset && row.epochs() <= epochs) {
                best[(int) row.seed()] = row.bestTest();
            }
        }
        return best;
    }

    /**
     * The epochs each seed's study spent until it first evaluated an optimal cell at full
     * fidelity, or {@code budget} when it never did.
     */
    public static double[] epochsToOptimum(List<CostRow> rows, String method, Nb201Dataset dataset,
            int seeds, double budget) {
        double[] spent = new double[seeds];
        java.util.Arrays.fill(spent, budget);
        boolean[] done = new boolean[seeds];
        for (CostRow row : rows) {
            int seed = (int) row.seed();
            if (row.method().equals(method) && row.dataset() == dataset && row.found() && !done[seed]) {
                spent[seed] = row.epochs();
                done[seed] = true;
            }
        }
        return spent;
    }

    /**
     * Mean regret and its standard error at each point of {@code grid}, over the seeds
     * that have a full-fidelity result by then.
     */
    public static RegretStatistics.Curve curve(List<CostRow> rows, String method,
            Nb201Dataset dataset, int seeds, double optimum, List<Double> grid) {
        List<Double> mean = new ArrayList<>();
        List<Double> error = new ArrayList<>();
        for (double epochs : grid) {
            double[] regrets = java.util.Arrays.stream(bestAt(rows, method, dataset, seeds, epochs))
                    .filter(v -> !Double.isNaN(v))
                    .map(v -> Math.max(0, optimum - v))
                    .toArray();
            if (regrets.length == 0) {
                mean.add(Double.NaN);
                error.add(Double.NaN);
                continue;
            }
            RegretStatistics.Summary summary = RegretStatistics.summarize(regrets);
            mean.add(summary.mean());
            error.add(summary.standardError());
        }
        return new RegretStatistics.Curve(method, dataset, mean, error);
    }
}
