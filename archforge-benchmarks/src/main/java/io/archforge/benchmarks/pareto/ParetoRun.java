package io.archforge.benchmarks.pareto;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import java.util.List;
import java.util.Objects;

/**
 * One finished benchmark study: its rows at every checkpoint and its final Pareto set.
 *
 * @param dataset the data set the study searched
 * @param strategy the strategy name
 * @param seed the study seed
 * @param rows one row per checkpoint, in trial order
 * @param front the study's Pareto set after its last trial, by FLOPs ascending
 */
public record ParetoRun(Nb201Dataset dataset, String strategy, long seed,
        List<ParetoRow> rows, List<FrontPoint> front) {

    public ParetoRun {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(strategy, "strategy");
        rows = List.copyOf(rows);
        front = List.copyOf(front);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a benchmark run needs at least one row");
        }
    }

    /** Returns the row of the last checkpoint. */
    public ParetoRow last() {
        return rows.get(rows.size() - 1);
    }
}
