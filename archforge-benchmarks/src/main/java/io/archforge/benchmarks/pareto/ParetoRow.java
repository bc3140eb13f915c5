package io.archforge.benchmarks.pareto;

import io.archforge.benchmarks.nb201.Nb201Dataset;
import java.util.Objects;

/**
 * The Pareto set of one benchmark study after a checkpoint, measured against the
 * true front of its data set.
 *
 * @param dataset the data set the study searched
 * @param strategy the strategy name
 * @param seed the study seed
 * @param trials the number of finished trials, from 1
 * @param measures IGD, IGD+ and hypervolume of the study's Pareto set at that point
 */
public record ParetoRow(Nb201Dataset dataset, String strategy, long seed, int trials,
        FrontMeasures measures) {

    /** The CSV header matching {@link #toCsv()}. */
    public static final String CSV_HEADER = "dataset,strategy,seed,trials,front_size,igd,"
            + "igd_plus,hypervolume,hypervolume_ratio";

    public ParetoRow {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(measures, "measures");
        if (trials < 1) {
            throw new IllegalArgumentException("trial count must be >= 1, got " + trials);
        }
    }

    /** Formats the row as one CSV line without a line break, values unquoted. */
    public String toCsv() {
        return dataset.id() + "," + strategy + "," + seed + "," + trials + ","
                + measures.size() + "," + measures.igd() + "," + measures.igdPlus() + ","
                + measures.hypervolume() + "," + measures.hypervolumeRatio();
    }
}
