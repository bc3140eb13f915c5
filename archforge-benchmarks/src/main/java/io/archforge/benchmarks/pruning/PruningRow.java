package io.archforge.benchmarks.pruning;

import io.archforge.benchmarks.RegretRow;
import io.archforge.benchmarks.nb201.Nb201Dataset;
import java.util.Objects;

/**
 * The state of one benchmark study after one evaluation.
 *
 * @param strategy the strategy name
 * @param pruned whether the study ran with learned pruning
 * @param dataset the data set the study searches
 * @param seed the study seed
 * @param evaluations the evaluated (finished) trials so far, from 1
 * @param skipped the candidates skipped before this evaluation's trial
 * @param bestTestAccuracy the best 200-epoch test accuracy among the evaluations, percent
 * @param regret the table's best test accuracy minus {@code bestTestAccuracy}, in
 *     percentage points
 */
public record PruningRow(String strategy, boolean pruned, Nb201Dataset dataset, long seed,
        int evaluations, int skipped, double bestTestAccuracy, double regret) {

    /** The CSV header matching {@link #toCsv()}. */
    public static final String CSV_HEADER =
            "strategy,pruned,dataset,seed,evaluations,skipped,best_test_accuracy,regret";

    public PruningRow {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(dataset, "dataset");
    }

    /**
     * Returns the label of this row's arm: the strategy, with
     * {@value PruningBenchmark#PRUNED_SUFFIX} when pruned.
     */
    public String arm() {
        return PruningBenchmark.arm(strategy, pruned);
    }

    /** Returns the row as a regret row of its arm, with evaluations as the trial count. */
    public RegretRow toRegretRow() {
        return new RegretRow(arm(), dataset, seed, evaluations, bestTestAccuracy, regret);
    }

    /** Returns the row as one CSV line without a line break and with unquoted values. */
    public String toCsv() {
        return strategy + "," + pruned + "," + dataset.id() + "," + seed + "," + evaluations
                + "," + skipped + "," + bestTestAccuracy + "," + regret;
    }
}
