package io.archforge.benchmarks;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import java.util.Objects;

/**
 * The state of one benchmark study after one trial.
 *
 * @param strategy the strategy name, such as {@code random} or {@code evolution}
 * @param dataset the data set whose test accuracy is maximised
 * @param seed the study seed
 * @param trial the number of finished trials, from 1
 * @param bestSoFar the best 200-epoch test accuracy among those trials, percent
 * @param regret the best accuracy of the whole table minus {@code bestSoFar}, in
 *     percentage points, never negative
 */
public record RegretRow(String strategy, Nb201Dataset dataset, long seed, int trial,
        double bestSoFar, double regret) {

    /** The CSV header matching {@link #toCsv()}. */
    public static final String CSV_HEADER = "strategy,dataset,seed,trial,best_so_far,regret";

    public RegretRow {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(dataset, "dataset");
        if (trial < 1) {
            throw new IllegalArgumentException("trial count must be >= 1, got " + trial);
        }
        if (regret < 0) {
            throw new IllegalArgumentException("regret must be >= 0, got " + regret
                    + " for best so far " + bestSoFar);
        }
    }

    /** The row as one CSV line without a line break; values are unquoted. */
    public String toCsv() {
        return strategy + "," + dataset.id() + "," + seed + "," + trial + ","
                + bestSoFar + "," + regret;
    }
}
