package io.archforge.benchmarks;

import io.archforge.benchmarks.nb201.Nb201Dataset;

/**
 * One trial of a multi-fidelity benchmark study.
 *
 * @param method the method label
 * @param dataset the data set
 * @param seed the study seed
 * @param trial the trial count so far, from 1
 * @param epochs the benchmark epochs spent so far, summed over the trials
 * @param bestTest the 200-epoch test accuracy of the best full-fidelity cell so far, or
 *     NaN before the first full-fidelity result
 * @param regret the table's best test accuracy minus {@code bestTest}, or NaN
 * @param found whether a cell with the table's best test accuracy has been evaluated at
 *     full fidelity
 */
public record CostRow(String method, Nb201Dataset dataset, long seed, int trial, double epochs,
        double bestTest, double regret, boolean found) {
}
