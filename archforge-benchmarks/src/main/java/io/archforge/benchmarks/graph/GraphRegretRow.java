package io.archforge.benchmarks.graph;

import java.util.Locale;
import java.util.Objects;

/**
 * The state of one NAS-Bench-Graph study after one trial.
 *
 * @param strategy the strategy name
 * @param dataset the data set
 * @param seed the study seed
 * @param trial the trial count, from 1
 * @param bestValid the best validation accuracy so far, percent; 0 before the first
 *     evaluated architecture
 * @param incumbentTest the test accuracy of the architecture with that validation
 *     accuracy (the first one found on ties), percent; 0 before the first one
 * @param validRegret the table's best validation accuracy minus {@code bestValid}
 */
public record GraphRegretRow(String strategy, String dataset, long seed, int trial,
        double bestValid, double incumbentTest, double validRegret) {

    /** The CSV header of {@link #toCsv()}. */
    public static final String CSV_HEADER =
            "strategy,dataset,seed,trial,best_valid_accuracy,incumbent_test_accuracy,"
                    + "valid_regret";

    public GraphRegretRow {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(dataset, "dataset");
    }

    /** Returns the row as one CSV line, without a line break. */
    public String toCsv() {
        return String.format(Locale.ROOT, "%s,%s,%d,%d,%.6f,%.6f,%.6f", strategy, dataset,
                seed, trial, bestValid, incumbentTest, validRegret);
    }
}
