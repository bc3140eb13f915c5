package io.archforge.benchmarks;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import java.util.Objects;

/**
 * The state of one benchmark study after one trial.
 *
 * @param strategy the strategy name, such as {@code random} or {@code evolution}
 * @param dataset the data set the study searches
 * @param seed the study seed
 * @param trial the number of finished trials, from 1
 * @param bestSoFar the best value of the search signal among those trials, percent
 *     (the 200-epoch test accuracy under protocol {@code test})
 * @param testAccuracy the 200-epoch test accuracy of the cell with that best signal,
 *     percent
 * @param regret the best test accuracy of the whole table minus {@code testAccuracy},
 *     in percentage points, never negative
 * @param optimumFound whether a cell with the table's best test accuracy was evaluated
 *     in those trials (under any protocol)
 */
public record RegretRow(String strategy, Nb201Dataset dataset, long seed, int trial,
        double bestSoFar, double testAccuracy, double regret, boolean optimumFound) {

    /** The CSV header matching {@link #toCsv()}. */
    public static final String CSV_HEADER =
            "strategy,dataset,seed,trial,best_so_far,test_accuracy,regret,optimum_found";

    public RegretRow {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(dataset, "dataset");
        if (trial < 1) {
            throw new IllegalArgumentException("trial count must be >= 1, got " + trial);
        }
        if (regret < 0) {
            throw new IllegalArgumentException("regret must be >= 0, got " + regret
                    + " for test accuracy " + testAccuracy);
        }
    }

    /**
     * A row of a study that searched on the test accuracy itself, so the signal is the
     * test accuracy and the optimum is found exactly when regret is 0.
     */
    public RegretRow(String strategy, Nb201Dataset dataset, long seed, int trial,
            double bestSoFar, double regret) {
        this(strategy, dataset, seed, trial, bestSoFar, bestSoFar, regret, regret == 0);
    }

    /** The row as one CSV line without a line break; values are unquoted. */
    public String toCsv() {
        return strategy + "," + dataset.id() + "," + seed + "," + trial + ","
                + bestSoFar + "," + testAccuracy + "," + regret + "," + optimumFound;
    }
}
